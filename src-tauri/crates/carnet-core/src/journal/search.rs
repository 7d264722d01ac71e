//! Finding incidents again: the search box's text, the filters (platforms, categories, charter
//! axes, statuses, a period), the order and the page, as the UI sends them and once checked;
//! and the lines of the result, each with the passage where the text was found.
//!
//! The text is never SQL nor FTS syntax: the store quotes every word of it (see
//! `carnet-store`'s `journal::search`), so whatever the owner types is searched as text. The
//! only text refused is one too long to be a search ([`QUERY_MAX`] characters).
//!
//! A charter axis filter selects the categories whose *main* axis it is (the first one of
//! the tree), the axis the barometer counts them under: a click on a bar of the dashboard
//! lists the same incidents as the bar counts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::categories::{Axis, Catalogue};
use crate::error::{CoreError, Field};
use crate::journal::incident::{IncidentLine, Status};
use crate::journal::text;

/// The longest search text, in characters.
pub const QUERY_MAX: usize = 300;
/// The results a page holds.
pub const PAGE_SIZE: u32 = 50;
/// The last page that may be asked for (a million results deep).
pub const PAGE_LAST: i64 = 20_000;
/// The most values one filter may hold.
pub const FILTER_VALUES_MAX: usize = 200;

/// The filters as the UI sends them; each one absent or empty filters nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct SearchFilters {
    /// Incidents on one of these platforms (ids of the owner's list).
    #[ts(optional, type = "Array<number>")]
    pub platform_ids: Option<Vec<i64>>,
    /// Incidents of one of these categories (`ACC-02`).
    #[ts(optional)]
    pub categories: Option<Vec<String>>,
    /// Incidents whose category has one of these as its main charter axis (`A1`, `A2`, `A3`).
    #[ts(optional)]
    pub axes: Option<Vec<String>>,
    /// Incidents in one of these statuses (`open`, `complaint_sent`…).
    #[ts(optional)]
    pub statuses: Option<Vec<String>>,
    /// Incidents that occurred on or after this day (`YYYY-MM-DD`).
    #[ts(optional)]
    pub from: Option<String>,
    /// Incidents that occurred on or before this day (`YYYY-MM-DD`).
    #[ts(optional)]
    pub to: Option<String>,
}

/// The order of the results. Undated incidents come last in the date orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SearchSort {
    /// Best match first; the most recent first when there is no text to match.
    Relevance,
    /// The most recent first (by the day it occurred).
    Recent,
    /// The oldest first.
    Oldest,
    /// By title, from A to Z, accents and case aside.
    Title,
    /// The largest amount at stake first (funds held + sales lost + fees).
    Amount,
}

impl SearchSort {
    /// Every order, in the order the UI offers them.
    pub const ALL: [SearchSort; 5] = [
        SearchSort::Relevance,
        SearchSort::Recent,
        SearchSort::Oldest,
        SearchSort::Title,
        SearchSort::Amount,
    ];

    /// The name used over IPC.
    pub fn code(self) -> &'static str {
        match self {
            SearchSort::Relevance => "relevance",
            SearchSort::Recent => "recent",
            SearchSort::Oldest => "oldest",
            SearchSort::Title => "title",
            SearchSort::Amount => "amount",
        }
    }

    /// Reads the order sent by the UI; blank is [`SearchSort::Relevance`].
    pub fn parse(s: &str) -> Result<SearchSort, CoreError> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(SearchSort::Relevance);
        }
        SearchSort::ALL
            .into_iter()
            .find(|x| x.code() == s)
            .ok_or(CoreError::Invalid(Field::SearchSort))
    }
}

/// A search, checked: what the store runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// The text to find, trimmed, control characters made spaces; empty: no text filter.
    pub text: String,
    /// The platforms allowed; `None` for any.
    pub platform_ids: Option<Vec<i64>>,
    /// The categories allowed, the category and axis filters combined (an empty list
    /// matches nothing: the two filters had no category in common).
    pub categories: Option<Vec<String>>,
    /// The statuses allowed; `None` for any.
    pub statuses: Option<Vec<Status>>,
    /// Incidents that occurred on or after this day.
    pub from: Option<NaiveDate>,
    /// Incidents that occurred on or before this day.
    pub to: Option<NaiveDate>,
    /// The order of the results.
    pub sort: SearchSort,
    /// From 0.
    pub page: u32,
}

impl SearchRequest {
    /// Checks what the UI sent: `page` counts from 0.
    pub fn check(
        query: &str,
        filters: &SearchFilters,
        sort: &str,
        page: i64,
    ) -> Result<SearchRequest, CoreError> {
        let text = query_text(query)?;
        let f = filters;
        let platform_ids = match values(&f.platform_ids, Field::SearchPlatforms)? {
            Some(ids) if ids.iter().any(|id| *id < 1) => {
                return Err(CoreError::Invalid(Field::SearchPlatforms));
            }
            ids => ids.map(<[i64]>::to_vec),
        };
        let catalogue = Catalogue::builtin();
        let mut categories = match values(&f.categories, Field::SearchCategories)? {
            None => None,
            Some(codes) => Some(
                codes
                    .iter()
                    .map(|c| {
                        catalogue
                            .category(c.trim())
                            .map(|c| c.code.clone())
                            .ok_or(CoreError::Invalid(Field::SearchCategories))
                    })
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        };
        if let Some(axes) = values(&f.axes, Field::SearchAxes)? {
            let axes = axes
                .iter()
                .map(|a| {
                    Axis::ALL
                        .into_iter()
                        .find(|x| x.code() == a.trim())
                        .ok_or(CoreError::Invalid(Field::SearchAxes))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let of_axes = catalogue
                .categories()
                .iter()
                .filter(|c| c.axes.first().is_some_and(|main| axes.contains(main)))
                .map(|c| c.code.clone());
            categories = Some(match categories {
                None => of_axes.collect(),
                Some(chosen) => of_axes.filter(|c| chosen.contains(c)).collect(),
            });
        }
        let statuses = values(&f.statuses, Field::SearchStatuses)?
            .map(|codes| {
                codes
                    .iter()
                    .map(|s| {
                        Status::parse(s.trim())
                            .map_err(|_| CoreError::Invalid(Field::SearchStatuses))
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .transpose()?;
        let day = |s: &Option<String>| text::date(s.as_deref().unwrap_or(""), Field::SearchPeriod);
        let (from, to) = (day(&f.from)?, day(&f.to)?);
        if from.zip(to).is_some_and(|(from, to)| from > to) {
            return Err(CoreError::Invalid(Field::SearchPeriod));
        }
        if !(0..=PAGE_LAST).contains(&page) {
            return Err(CoreError::Invalid(Field::SearchPage));
        }
        Ok(SearchRequest {
            text,
            platform_ids,
            categories: categories.map(dedup),
            statuses: statuses.map(dedup),
            from,
            to,
            sort: SearchSort::parse(sort)?,
            page: page as u32,
        })
    }
}

/// The search text: any characters, control ones read as spaces; only its length is refused.
fn query_text(query: &str) -> Result<String, CoreError> {
    let bad = CoreError::Invalid(Field::SearchQuery);
    if query.len() > QUERY_MAX * 4 {
        return Err(bad);
    }
    let text: String = query
        .chars()
        .map(|c| {
            if c.is_control() || text::is_bidi_control(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let text = text.trim();
    if text.chars().count() > QUERY_MAX {
        return Err(bad);
    }
    Ok(text.to_owned())
}

/// A filter's values: `None` when absent or empty; refused beyond [`FILTER_VALUES_MAX`].
fn values<T>(list: &Option<Vec<T>>, field: Field) -> Result<Option<&[T]>, CoreError> {
    match list.as_deref() {
        None | Some([]) => Ok(None),
        Some(v) if v.len() > FILTER_VALUES_MAX => Err(CoreError::Invalid(field)),
        Some(v) => Ok(Some(v)),
    }
}

fn dedup<T: PartialEq>(v: Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(v.len());
    for x in v {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

/// One line of the results: what the list shows, and where the text was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchHit {
    /// The incident as the list shows it.
    #[serde(flatten)]
    #[ts(flatten)]
    pub line: IncidentLine,
    /// Funds held + sales lost + fees, in cents.
    #[ts(type = "number")]
    pub amount_cents: i64,
    /// The passage that matched best; absent when there was no text to search.
    pub snippet: Option<Snippet>,
}

/// What kind of record a passage comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SnippetSource {
    /// The incident's own texts: title, description, what is asked, reference, tags.
    Incident,
    /// An event of its chronology (summary and full text).
    Event,
    /// One of its pieces (title, file name, note).
    Piece,
    /// Its platform (name, legal entity).
    Platform,
}

/// A passage of plain text (never markup) and the places the words searched for are in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Snippet {
    /// What kind of record the passage comes from.
    pub source: SnippetSource,
    /// The id of the event, piece or platform (the incident's own id for its texts).
    #[ts(type = "number")]
    pub ref_id: i64,
    /// A few words around the match; `…` where the text was cut.
    pub text: String,
    /// The matches, in order and without overlap.
    pub marks: Vec<Mark>,
}

/// A match in a [`Snippet`]'s text: `text.slice(start, end)` in JavaScript — the positions
/// count UTF-16 code units, as JavaScript strings do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Mark {
    /// Where the match starts, in UTF-16 code units.
    pub start: u32,
    /// Where it ends (exclusive), in UTF-16 code units.
    pub end: u32,
}

/// A page of results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchResults {
    /// The incidents of this page, in the order asked.
    pub items: Vec<SearchHit>,
    /// How many incidents match in all.
    pub total: u32,
    /// This page's number, from 0.
    pub page: u32,
    /// The most incidents a page holds.
    pub page_size: u32,
}

#[cfg(test)]
mod tests;
