//! Rows gathered while many records are written in one transaction, then inserted a hundred
//! at a time. Each statement is a round trip to SQLite's thread: an import of 10,000 rows
//! writes its status, history, search and origin rows in 400 statements instead of 40,000
//! (`benches/import.rs`). A single write flushes its one row of each the same way.

use sqlx::SqliteConnection;

use crate::error::StoreError;

/// Rows per statement: far below SQLite's limit on bound values for any of the tables.
const ROWS_PER_STATEMENT: usize = 100;

/// A value to bind.
#[derive(Debug, Clone)]
pub(crate) enum Value {
    Int(i64),
    OptInt(Option<i64>),
    Text(String),
}

/// Rows waiting, by statement head (`INSERT INTO t (a, b, c)`).
#[derive(Debug, Default)]
pub(crate) struct Batch {
    tables: Vec<(&'static str, usize, Vec<Value>)>,
}

impl Batch {
    /// Adds a row to insert with `head`; every row of one head has the same width.
    pub(crate) fn add(&mut self, head: &'static str, row: Vec<Value>) {
        match self.tables.iter_mut().find(|(h, _, _)| *h == head) {
            Some((_, width, values)) => {
                debug_assert_eq!(*width, row.len());
                values.extend(row);
            }
            None => self.tables.push((head, row.len(), row)),
        }
    }

    /// Inserts every row waiting, in the order the heads were first added.
    pub(crate) async fn flush(&mut self, conn: &mut SqliteConnection) -> Result<(), StoreError> {
        for (head, width, values) in self.tables.drain(..) {
            for chunk in values.chunks(width * ROWS_PER_STATEMENT) {
                let row = format!("({})", vec!["?"; width].join(", "));
                let rows = vec![row; chunk.len() / width].join(", ");
                let sql = format!("{head} VALUES {rows}");
                let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
                for value in chunk {
                    query = match value {
                        Value::Int(v) => query.bind(*v),
                        Value::OptInt(v) => query.bind(*v),
                        Value::Text(v) => query.bind(v.clone()),
                    };
                }
                query.execute(&mut *conn).await?;
            }
        }
        Ok(())
    }
}
