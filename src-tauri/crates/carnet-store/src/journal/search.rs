//! Finding incidents again: full-text search over the `search` table (FTS5, accents and case
//! aside: `reclamation` finds « Réclamation »), combined with the filters of the list
//! (platforms, categories, statuses, period), sorted, a page at a time, trash left out. Each
//! result carries the passage that matched, as plain text with the places of the matches.
//!
//! **The text is never syntax.** Each word the owner typed becomes an FTS5 string (between
//! double quotes, its own quotes doubled), so `"`, `*`, `NEAR(`, `:`, `-`, `^` or `AND` are
//! searched as text; words joined by punctuation (`402-1234567`, `l'été`) must follow each
//! other. The last word also matches as a prefix (`rembours` finds « remboursement »). A word
//! without a letter or digit is dropped; a text made only of such words finds nothing.
//!
//! **Every word must appear somewhere in the incident**, not in one same row: in its own
//! texts, an event, a piece, or its platform's name and legal entity (`amazon suspension`
//! finds a suspension on Amazon whose texts never name Amazon).
//!
//! **How.** Without text, one SQL query per page (and one to count), assembled from fixed
//! fragments according to the filters present, so SQLite walks the `incident_recent` index;
//! every value is bound. With text, FTS5 lists the matching rows of each word (rowids only),
//! and the [`index`] kept in memory says whose incident each row is, filters and sorts; SQLite
//! then reads the page's incidents and the texts of the rows to quote. The order "relevance"
//! weighs each matching row by the rarity of its word (an inverse document frequency) and
//! where it is: the incident's own texts count most, then its pieces, its events, its
//! platform.

pub(crate) mod index;
mod text;

use std::fmt::Write as _;

use carnet_core::journal::search::{
    PAGE_SIZE, SearchHit, SearchRequest, SearchResults, SearchSort, Snippet, SnippetSource,
};
use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{Arguments, AssertSqlSafe, Row, SqliteConnection};

use crate::db::FOLD_COLLATION;
use crate::error::StoreError;
use crate::journal::rows::{day as iso, incident_line};
use crate::vault::Vault;
use index::{
    Entry, JournalIndex, Owners, SLOT_EVENT, SLOT_INCIDENT, SLOT_PIECE, SLOT_PLATFORM, SLOTS,
};

/// The FTS5 strings for what the owner typed: one per word that holds a letter or a digit,
/// quoted, the last one a prefix. Empty when there is nothing to search for.
pub fn fts_terms(text: &str) -> Vec<String> {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let quoted = format!("\"{}\"", w.replace('"', "\"\""));
            if i == last { quoted + "*" } else { quoted }
        })
        .collect()
}

/// One page of the incidents that match `req` (see the module's documentation).
pub async fn search(vault: &Vault, req: &SearchRequest) -> Result<SearchResults, StoreError> {
    let mut results = SearchResults {
        items: Vec::new(),
        total: 0,
        page: req.page,
        page_size: PAGE_SIZE,
    };
    if req.categories.as_ref().is_some_and(Vec::is_empty) {
        return Ok(results);
    }
    let fts = fts_terms(&req.text);
    let terms = text::terms(&req.text);
    if fts.is_empty() && !req.text.is_empty() {
        return Ok(results);
    }
    // One read transaction: the index, the page and the passages see the same vault.
    let mut tx = vault.pool().begin().await?;
    let (items, total) = if fts.is_empty() {
        list(&mut tx, req).await?
    } else {
        let index = vault.search_index().current(&mut tx).await?;
        let (slots, best, total) = matching(&mut tx, &index, &fts, req).await?;
        let mut items = rows(&mut tx, &index, &slots).await?;
        let quoted: Vec<i64> = slots.iter().map(|s| best[*s as usize]).collect();
        for (item, snippet) in items
            .iter_mut()
            .zip(passages(&mut tx, &terms, &quoted).await?)
        {
            item.snippet = snippet;
        }
        (items, total as i64)
    };
    tx.rollback().await?;
    results.items = items;
    results.total = u32::try_from(total).unwrap_or(u32::MAX);
    Ok(results)
}

/// A value bound to an assembled query.
enum Bind {
    Int(i64),
    Text(String),
}

/// SQL assembled from fixed fragments, and the values bound to it.
struct Query {
    sql: String,
    binds: Vec<Bind>,
}

impl Query {
    fn new(sql: &str) -> Self {
        Query {
            sql: sql.to_owned(),
            binds: Vec::new(),
        }
    }

    fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.push_str(sql);
        self
    }

    fn bind_text(&mut self, v: impl Into<String>) -> &mut Self {
        self.binds.push(Bind::Text(v.into()));
        self
    }

    fn bind_int(&mut self, v: i64) -> &mut Self {
        self.binds.push(Bind::Int(v));
        self
    }

    fn arguments(&self) -> Result<SqliteArguments, StoreError> {
        let mut args = SqliteArguments::default();
        for b in &self.binds {
            match b {
                Bind::Int(v) => args.add(*v),
                Bind::Text(v) => args.add(v.clone()),
            }
            .map_err(|_| StoreError::decode())?;
        }
        Ok(args)
    }

    async fn fetch_all(&self, conn: &mut SqliteConnection) -> Result<Vec<SqliteRow>, StoreError> {
        let sql = AssertSqlSafe(self.sql.clone());
        Ok(sqlx::query_with(sql, self.arguments()?)
            .fetch_all(conn)
            .await?)
    }

    async fn fetch_count(&self, conn: &mut SqliteConnection) -> Result<i64, StoreError> {
        let sql = AssertSqlSafe(self.sql.clone());
        Ok(sqlx::query_scalar_with(sql, self.arguments()?)
            .fetch_one(conn)
            .await?)
    }
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|_| StoreError::decode())
}

const COLUMNS: &str = "i.id, i.title, i.platform_id, p.name AS platform_name, i.category,
    i.status, i.occurred_on, coalesce(i.funds_held_cents, 0) + coalesce(i.sales_lost_cents, 0)
    + coalesce(i.fees_cents, 0) AS amount";

/// The list without text: a page and the count, in SQL.
async fn list(
    conn: &mut SqliteConnection,
    req: &SearchRequest,
) -> Result<(Vec<SearchHit>, i64), StoreError> {
    let mut page = Query::new(&format!(
        "SELECT {COLUMNS} FROM incident i JOIN platform p ON p.id = i.platform_id
         WHERE i.deleted_at IS NULL"
    ));
    filters(&mut page, req)?;
    const RECENT: &str = "i.occurred_on DESC, i.id DESC";
    let order = match req.sort {
        SearchSort::Relevance | SearchSort::Recent => RECENT.to_owned(),
        SearchSort::Oldest => "i.occurred_on IS NULL, i.occurred_on, i.id".to_owned(),
        SearchSort::Title => format!("i.title COLLATE {FOLD_COLLATION}, i.id"),
        SearchSort::Amount => format!("amount DESC, {RECENT}"),
    };
    let _ = write!(page.sql, " ORDER BY {order} LIMIT ? OFFSET ?");
    page.bind_int(i64::from(PAGE_SIZE))
        .bind_int(i64::from(req.page) * i64::from(PAGE_SIZE));
    let items = page
        .fetch_all(conn)
        .await?
        .iter()
        .map(hit)
        .collect::<Result<Vec<_>, _>>()?;
    let mut count = Query::new("SELECT count(*) FROM incident i WHERE i.deleted_at IS NULL");
    filters(&mut count, req)?;
    Ok((items, count.fetch_count(conn).await?))
}

/// `AND …` for each filter present, on the incident `i`.
fn filters(q: &mut Query, req: &SearchRequest) -> Result<(), StoreError> {
    if let Some(ids) = &req.platform_ids {
        q.push(" AND i.platform_id IN (SELECT value FROM json_each(?))")
            .bind_text(json(ids)?);
    }
    if let Some(categories) = &req.categories {
        q.push(" AND i.category IN (SELECT value FROM json_each(?))")
            .bind_text(json(categories)?);
    }
    if let Some(statuses) = &req.statuses {
        let codes: Vec<&str> = statuses.iter().map(|s| s.code()).collect();
        q.push(" AND i.status IN (SELECT value FROM json_each(?))")
            .bind_text(json(&codes)?);
    }
    if let Some(from) = req.from {
        q.push(" AND i.occurred_on >= ?").bind_text(iso(from));
    }
    if let Some(to) = req.to {
        q.push(" AND i.occurred_on <= ?").bind_text(iso(to));
    }
    Ok(())
}

/// How much a matching row counts, by where it is, and which row to quote first (the lower
/// the priority, the better).
fn weight(rowid: i64) -> (f32, u8) {
    match rowid % SLOTS {
        SLOT_INCIDENT => (4.0, 0),
        SLOT_PIECE => (2.0, 1),
        SLOT_EVENT => (1.0, 2),
        _ => (0.5, 3),
    }
}

/// The page of incidents (index slots) every term matches and the filters keep, the search
/// row to quote for each slot, and how many there are in all.
async fn matching(
    conn: &mut SqliteConnection,
    index: &JournalIndex,
    fts: &[String],
    req: &SearchRequest,
) -> Result<(Vec<u32>, Vec<i64>, usize), StoreError> {
    let n = index.incidents.len();
    let mut last_term = vec![0u16; n];
    let mut terms_found = vec![0u16; n];
    let mut score = vec![0f32; n];
    let mut best = vec![(u8::MAX, 0i64); n];
    let documents = index.rows.max(1) as f32;
    for (k, term) in fts.iter().enumerate() {
        let k = (k + 1) as u16;
        // Rowids only: FTS5 reads its index, not the content table.
        let list: Option<String> =
            sqlx::query_scalar("SELECT group_concat(rowid) FROM search WHERE search MATCH ?")
                .bind(term)
                .fetch_one(&mut *conn)
                .await?;
        let rowids: Vec<i64> = list
            .as_deref()
            .unwrap_or("")
            .split(',')
            .filter_map(|r| r.parse().ok())
            .collect();
        let idf = (1.0 + documents / (1.0 + rowids.len() as f32)).ln();
        for rowid in rowids {
            let (w, priority) = weight(rowid);
            let mut credit = |slot: u32| {
                let s = slot as usize;
                if last_term[s] != k {
                    last_term[s] = k;
                    terms_found[s] += 1;
                }
                score[s] += idf * w;
                if (priority, rowid) < best[s] {
                    best[s] = (priority, rowid);
                }
            };
            match index.owners(rowid) {
                Owners::One(Some(slot)) => credit(slot),
                Owners::One(None) => {}
                Owners::Many(slots) => slots.iter().copied().for_each(&mut credit),
            }
        }
    }
    let all = fts.len() as u16;
    let allowed = allowed_categories(index, req);
    let mut found: Vec<u32> = (0..n as u32)
        .filter(|s| terms_found[*s as usize] == all)
        .filter(|s| keeps(&index.incidents[*s as usize], req, allowed.as_deref()))
        .collect();
    let total = found.len();
    let e = |s: &u32| &index.incidents[*s as usize];
    let recent = |a: &Entry, b: &Entry| {
        (b.occurred_on, b.id).cmp(&(a.occurred_on, a.id)) // None sorts first ascending: last here
    };
    match req.sort {
        SearchSort::Relevance => found.sort_unstable_by(|a, b| {
            score[*b as usize]
                .total_cmp(&score[*a as usize])
                .then_with(|| recent(e(a), e(b)))
        }),
        SearchSort::Recent => found.sort_unstable_by(|a, b| recent(e(a), e(b))),
        SearchSort::Oldest => found.sort_unstable_by_key(|s| {
            let x = e(s);
            (x.occurred_on.is_none(), x.occurred_on, x.id)
        }),
        SearchSort::Title => found.sort_unstable_by_key(|s| (e(s).title_rank, e(s).id)),
        SearchSort::Amount => found.sort_unstable_by(|a, b| {
            e(b).amount_cents
                .cmp(&e(a).amount_cents)
                .then_with(|| recent(e(a), e(b)))
        }),
    }
    let from = (req.page as usize * PAGE_SIZE as usize).min(total);
    let to = (from + PAGE_SIZE as usize).min(total);
    let page = found[from..to].to_vec();
    Ok((page, best.into_iter().map(|b| b.1).collect(), total))
}

/// The categories the request allows, as a table over the index's categories.
fn allowed_categories(index: &JournalIndex, req: &SearchRequest) -> Option<Vec<bool>> {
    req.categories.as_ref().map(|allowed| {
        index
            .categories
            .iter()
            .map(|c| allowed.contains(c))
            .collect()
    })
}

fn keeps(e: &Entry, req: &SearchRequest, categories: Option<&[bool]>) -> bool {
    req.platform_ids
        .as_ref()
        .is_none_or(|ids| ids.contains(&e.platform_id))
        && categories.is_none_or(|ok| ok[e.category as usize])
        && req.statuses.as_ref().is_none_or(|s| s.contains(&e.status))
        && req
            .from
            .is_none_or(|from| e.occurred_on.is_some_and(|d| d >= from))
        && req
            .to
            .is_none_or(|to| e.occurred_on.is_some_and(|d| d <= to))
}

/// The page's incidents, read from the vault, in the page's order.
async fn rows(
    conn: &mut SqliteConnection,
    index: &JournalIndex,
    slots: &[u32],
) -> Result<Vec<SearchHit>, StoreError> {
    let ids: Vec<i64> = slots
        .iter()
        .map(|s| index.incidents[*s as usize].id)
        .collect();
    let found = sqlx::query(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM incident i JOIN platform p ON p.id = i.platform_id
         WHERE i.id IN (SELECT value FROM json_each(?))"
    )))
    .bind(json(&ids)?)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(hit)
    .collect::<Result<Vec<_>, _>>()?;
    ids.iter()
        .map(|id| {
            found
                .iter()
                .find(|h| h.line.id == *id)
                .cloned()
                .ok_or(StoreError::decode())
        })
        .collect()
}

/// The passage of each search row `rowids` (one per result), its words marked.
async fn passages(
    conn: &mut SqliteConnection,
    terms: &[text::Term],
    rowids: &[i64],
) -> Result<Vec<Option<Snippet>>, StoreError> {
    let bodies: Vec<(i64, String)> = sqlx::query_as(
        "SELECT rowid, body FROM search WHERE rowid IN (SELECT value FROM json_each(?))",
    )
    .bind(json(rowids)?)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rowids
        .iter()
        .map(|rowid| {
            let source = match rowid % SLOTS {
                SLOT_INCIDENT => SnippetSource::Incident,
                SLOT_EVENT => SnippetSource::Event,
                SLOT_PIECE => SnippetSource::Piece,
                SLOT_PLATFORM => SnippetSource::Platform,
                _ => return None,
            };
            let body = &bodies.iter().find(|(r, _)| r == rowid)?.1;
            let (text, marks) = text::passage(body, terms);
            Some(Snippet {
                source,
                ref_id: rowid / SLOTS,
                text,
                marks,
            })
        })
        .collect())
}

fn hit(row: &SqliteRow) -> Result<SearchHit, StoreError> {
    Ok(SearchHit {
        line: incident_line(row)?,
        amount_cents: row.try_get("amount")?,
        snippet: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_quoted_and_the_last_is_a_prefix() {
        assert_eq!(fts_terms(""), Vec::<String>::new());
        assert_eq!(fts_terms("  - * ^ : ( "), Vec::<String>::new());
        assert_eq!(fts_terms("réclamation"), ["\"réclamation\"*"]);
        assert_eq!(
            fts_terms("NEAR(a b) \"x OR y"),
            ["\"NEAR(a\"", "\"b)\"", "\"\"\"x\"", "\"OR\"", "\"y\"*"]
        );
        assert_eq!(
            fts_terms("col:val -neg ^start"),
            ["\"col:val\"", "\"-neg\"", "\"^start\"*"]
        );
        // The same words as the passages mark.
        assert_eq!(fts_terms("a - b").len(), text::terms("a - b").len());
    }
}
