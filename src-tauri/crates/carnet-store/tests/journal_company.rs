//! The journal's company profile and platforms on real SQLCipher vaults, and the history and
//! search helpers every journal write uses.

mod common;

use carnet_store::journal::history;
use common::*;

async fn search(vault: &carnet_store::Vault, q: &str) -> Vec<(String, i64, Option<i64>)> {
    sqlx::query_as(
        "SELECT kind, ref_id, incident_id FROM search WHERE search MATCH ? ORDER BY rowid",
    )
    .bind(q)
    .fetch_all(vault.pool())
    .await
    .unwrap()
}

#[tokio::test]
async fn search_rows_are_replaced_and_removed_in_the_callers_transaction() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let mut tx = vault.pool().begin().await.unwrap();
    history::search_replace(&mut tx, "event", 7, Some(3), "Réclamation envoyée")
        .await
        .unwrap();
    history::search_replace(&mut tx, "platform", 7, None, "Place de marché")
        .await
        .unwrap();
    history::record(
        &mut tx,
        NOW,
        "event",
        7,
        "created",
        history::fields(&["summary"]),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        search(&vault, "reclamation").await,
        vec![("event".to_owned(), 7, Some(3))]
    );
    assert_eq!(search(&vault, "marche").await.len(), 1);

    // Replaced, not added to.
    let mut tx = vault.pool().begin().await.unwrap();
    history::search_replace(&mut tx, "event", 7, Some(3), "Relance téléphonique")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert!(search(&vault, "reclamation").await.is_empty());
    assert_eq!(search(&vault, "telephonique").await.len(), 1);

    // Rolled back with the transaction.
    let mut tx = vault.pool().begin().await.unwrap();
    history::search_remove(&mut tx, "event", 7).await.unwrap();
    history::record(&mut tx, NOW, "event", 7, "deleted", serde_json::json!({}))
        .await
        .unwrap();
    tx.rollback().await.unwrap();
    assert_eq!(search(&vault, "telephonique").await.len(), 1);

    let mut tx = vault.pool().begin().await.unwrap();
    history::search_remove(&mut tx, "event", 7).await.unwrap();
    // A blank body is a removal too.
    history::search_replace(&mut tx, "platform", 7, None, "  ")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert!(search(&vault, "telephonique").await.is_empty());
    assert!(search(&vault, "marche").await.is_empty());

    let rows: Vec<(String, String, i64, String, String)> =
        sqlx::query_as("SELECT at, entity, entity_id, action, detail FROM history")
            .fetch_all(vault.pool())
            .await
            .unwrap();
    assert_eq!(
        rows,
        vec![(
            NOW.to_owned(),
            "event".to_owned(),
            7,
            "created".to_owned(),
            r#"{"fields":["summary"]}"#.to_owned()
        )]
    );
    vault.lock().await;
}
