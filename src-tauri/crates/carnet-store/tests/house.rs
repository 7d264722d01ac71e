//! House rules of the store, checked on its sources: every write transaction starts through
//! the one helper, `journal::begin` (`BEGIN IMMEDIATE`), so none can be opened deferred and
//! fail half-way with `SQLITE_BUSY`.

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

#[test]
fn write_transactions_start_through_the_one_helper() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20);
    let opened: Vec<&str> = files
        .iter()
        .filter(|(path, text)| {
            text.contains("BEGIN IMMEDIATE") && !path.ends_with("journal/mod.rs")
        })
        .map(|(path, _)| path.as_str())
        .collect();
    assert!(
        opened.is_empty(),
        "BEGIN IMMEDIATE outside journal::begin: {opened:?}"
    );
}
