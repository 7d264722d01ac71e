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

mod company {
    use super::*;
    use carnet_core::journal::company::CompanyInput;
    use carnet_store::journal::company;

    fn input() -> CompanyInput {
        CompanyInput {
            legal_name: "Atelier Lumière".into(),
            siret: "732 829 320 00074".into(),
            naf: "47.91B".into(),
            size_class: "micro".into(),
            headcount: "4".into(),
            postcode: "69001".into(),
            city: "Lyon".into(),
            contact_email: "claire@exemple.fr".into(),
            contact_phone: "06 12 34 56 78".into(),
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn the_profile_is_created_then_updated_with_its_history() {
        let f = fixture();
        let (vault, _) = created(&f).await;
        assert_eq!(company::get(&vault).await.unwrap(), None);

        let profile = input().check().unwrap();
        let saved = company::save(&vault, &profile, NOW).await.unwrap();
        assert_eq!(saved.profile, profile);
        assert_eq!(saved.updated_at, NOW);
        assert_eq!(company::get(&vault).await.unwrap(), Some(saved.clone()));

        // The same profile again: nothing written.
        let later = "2026-11-27T09:00:00+01:00";
        assert_eq!(company::save(&vault, &profile, later).await.unwrap(), saved);

        let changed = CompanyInput {
            city: "Villeurbanne".into(),
            insolvency: true,
            ..input()
        }
        .check()
        .unwrap();
        let saved = company::save(&vault, &changed, later).await.unwrap();
        assert_eq!(saved.updated_at, later);
        let got = company::get(&vault).await.unwrap().unwrap();
        assert_eq!(got.profile.city, "Villeurbanne");
        assert!(!got.profile.mediator_can_act());

        assert_eq!(
            history(&vault).await,
            [
                (
                    NOW.to_owned(),
                    "company".to_owned(),
                    1,
                    "created".to_owned(),
                    r#"{"fields":["legal_name","siren","siret","naf","size_class","headcount","postcode","city","country","contact_email","contact_phone"]}"#.to_owned()
                ),
                (
                    later.to_owned(),
                    "company".to_owned(),
                    1,
                    "updated".to_owned(),
                    r#"{"fields":["city","insolvency"]}"#.to_owned()
                ),
            ]
        );
        vault.lock().await;
    }

    #[tokio::test]
    async fn the_profile_survives_locking_and_reopening() {
        let f = fixture();
        let (vault, _) = created(&f).await;
        let saved = company::save(&vault, &input().check().unwrap(), NOW)
            .await
            .unwrap();
        vault.lock().await;
        let vault = carnet_store::Vault::unlock(&f.layout, carnet_store::Secret::Passphrase(PASS))
            .await
            .unwrap();
        assert_eq!(company::get(&vault).await.unwrap(), Some(saved));
        vault.lock().await;
    }
}

mod platforms {
    use super::*;
    use carnet_core::Platforms;
    use carnet_core::journal::platform::{PlatformDetails, PlatformInput};
    use carnet_core::platforms::CharterSignatory;
    use carnet_store::StoreError;
    use carnet_store::journal::platforms;

    const LATER: &str = "2026-11-27T09:00:00+01:00";

    fn details(input: PlatformInput) -> PlatformDetails {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        input.check(Platforms::builtin(), today).unwrap()
    }

    fn amazon() -> PlatformInput {
        PlatformInput {
            catalogue_id: "amazon".into(),
            legal_entity: "Amazon EU S.à r.l.".into(),
            country: "LU".into(),
            seller_accounts: vec!["A1B2C3".into()],
            relationship_start: "2019-03-01".into(),
            turnover_share: "62".into(),
            mediators: vec!["CEDR".into()],
            ..Default::default()
        }
    }

    fn custom(name: &str) -> PlatformInput {
        PlatformInput {
            name: name.into(),
            service: "marketplace".into(),
            legal_entity: "Boutique Réunie SAS".into(),
            siret: "73282932000074".into(),
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn platforms_are_added_changed_listed_and_searchable() {
        let f = fixture();
        let (vault, _) = created(&f).await;
        let a = platforms::save(&vault, None, &details(amazon()), NOW)
            .await
            .unwrap();
        assert_eq!(a.details.name, "Amazon");
        assert_eq!(a.charter, Some(CharterSignatory::Joined2020));
        assert_eq!((a.created_at.as_str(), a.updated_at.as_str()), (NOW, NOW));
        let b = platforms::save(&vault, None, &details(custom("Zèbre Market")), NOW)
            .await
            .unwrap();
        assert_eq!(b.charter, None);
        assert_eq!(b.details.siret.as_ref().unwrap().as_str(), "73282932000074");

        assert_eq!(platform_names(&vault).await, ["Amazon", "Zèbre Market"]);
        assert_eq!(
            search(&vault, "zebre").await,
            [("platform".to_owned(), b.id, None)]
        );
        assert_eq!(search(&vault, "reunie").await.len(), 1);

        let renamed = platforms::save(
            &vault,
            Some(b.id),
            &details(PlatformInput {
                legal_entity: "Zèbre Holding".into(),
                ..custom("Zèbre Market")
            }),
            LATER,
        )
        .await
        .unwrap();
        assert_eq!(renamed.id, b.id);
        assert_eq!(renamed.created_at, NOW);
        assert_eq!(renamed.updated_at, LATER);
        assert!(search(&vault, "reunie").await.is_empty());
        assert_eq!(search(&vault, "holding").await.len(), 1);
        assert_eq!(platforms::get(&vault, b.id).await.unwrap(), renamed);

        // The same details again: nothing written.
        let same = platforms::save(&vault, Some(a.id), &a.details, LATER)
            .await
            .unwrap();
        assert_eq!(same, a);

        let h = history(&vault).await;
        let summary: Vec<(i64, &str, &str)> = h
            .iter()
            .map(|(_, _, id, action, detail)| (*id, action.as_str(), detail.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                (
                    a.id,
                    "created",
                    r#"{"fields":["catalogue_id","name","service","legal_entity","country","seller_accounts","relationship_start","turnover_share_pct","mediators"]}"#
                ),
                (
                    b.id,
                    "created",
                    r#"{"fields":["name","service","legal_entity","siret"]}"#
                ),
                (b.id, "updated", r#"{"fields":["legal_entity"]}"#),
            ]
        );
        assert!(h.iter().all(|(_, entity, ..)| entity == "platform"));
        vault.lock().await;
    }

    #[tokio::test]
    async fn one_record_per_platform() {
        let f = fixture();
        let (vault, _) = created(&f).await;
        let a = platforms::save(&vault, None, &details(amazon()), NOW)
            .await
            .unwrap();
        let b = platforms::save(&vault, None, &details(custom("Zèbre Market")), NOW)
            .await
            .unwrap();
        // Amazon again, by its id or by an alias; Zèbre again, in other capitals.
        for again in [
            amazon(),
            PlatformInput {
                name: "Seller Central".into(),
                ..Default::default()
            },
            custom("ZÈBRE  market"),
        ] {
            let e = platforms::save(&vault, None, &details(again), LATER)
                .await
                .unwrap_err();
            assert!(matches!(e, StoreError::PlatformExists), "{e:?}");
        }
        // Renaming one into the other is refused too; renaming into itself is not.
        let e = platforms::save(&vault, Some(b.id), &details(amazon()), LATER)
            .await
            .unwrap_err();
        assert!(matches!(e, StoreError::PlatformExists));
        platforms::save(&vault, Some(b.id), &details(custom("Zèbre market")), LATER)
            .await
            .unwrap();
        // In the trash, it no longer counts; restored while its twin exists, it is refused.
        platforms::delete(&vault, a.id, LATER).await.unwrap();
        let twin = platforms::save(&vault, None, &details(amazon()), LATER)
            .await
            .unwrap();
        let e = platforms::restore(&vault, a.id, LATER).await.unwrap_err();
        assert!(matches!(e, StoreError::PlatformExists));
        assert!(
            platforms::get(&vault, a.id)
                .await
                .unwrap()
                .deleted_at
                .is_some()
        );
        platforms::delete(&vault, twin.id, LATER).await.unwrap();
        platforms::restore(&vault, a.id, LATER).await.unwrap();
        vault.lock().await;
    }

    #[tokio::test]
    async fn the_trash_keeps_a_platform_until_it_is_restored() {
        let f = fixture();
        let (vault, _) = created(&f).await;
        let a = platforms::save(&vault, None, &details(amazon()), NOW)
            .await
            .unwrap();
        let incident = bare_incident_on(&vault, a.id).await;

        let before = history(&vault).await;
        let e = platforms::delete(&vault, a.id, LATER).await.unwrap_err();
        assert!(matches!(e, StoreError::PlatformInUse), "{e:?}");
        assert_eq!(history(&vault).await, before, "a refusal writes nothing");
        assert_eq!(platforms::list(&vault).await.unwrap().len(), 1);

        // Once the incident is in the trash, the platform may go there too.
        sqlx::query("UPDATE incident SET deleted_at = ? WHERE id = ?")
            .bind(NOW)
            .bind(incident)
            .execute(vault.pool())
            .await
            .unwrap();
        platforms::delete(&vault, a.id, LATER).await.unwrap();
        assert!(platforms::list(&vault).await.unwrap().is_empty());
        assert!(search(&vault, "amazon").await.is_empty());
        let trashed = platforms::get(&vault, a.id).await.unwrap();
        assert_eq!(trashed.deleted_at.as_deref(), Some(LATER));
        // Not changed while in the trash; deleting again changes nothing.
        let e = platforms::save(&vault, Some(a.id), &details(amazon()), LATER)
            .await
            .unwrap_err();
        assert!(matches!(e, StoreError::NotFound));
        platforms::delete(&vault, a.id, LATER).await.unwrap();

        let restored = platforms::restore(&vault, a.id, LATER).await.unwrap();
        assert_eq!(restored.deleted_at, None);
        assert_eq!(restored.details, a.details);
        assert_eq!(
            platforms::list(&vault).await.unwrap(),
            std::slice::from_ref(&restored)
        );
        assert_eq!(search(&vault, "amazon").await.len(), 1);
        // Restoring again changes nothing.
        assert_eq!(
            platforms::restore(&vault, a.id, LATER).await.unwrap(),
            restored
        );

        let actions: Vec<String> = history(&vault).await.into_iter().map(|h| h.3).collect();
        assert_eq!(actions, ["created", "deleted", "restored"]);

        for missing in [0, -1, a.id + 100, i64::MAX] {
            assert!(matches!(
                platforms::delete(&vault, missing, LATER).await,
                Err(StoreError::NotFound)
            ));
            assert!(matches!(
                platforms::restore(&vault, missing, LATER).await,
                Err(StoreError::NotFound)
            ));
            assert!(matches!(
                platforms::save(&vault, Some(missing), &details(amazon()), LATER).await,
                Err(StoreError::NotFound)
            ));
        }
        vault.lock().await;
    }
}

type HistoryRow = (String, String, i64, String, String);

async fn history(vault: &carnet_store::Vault) -> Vec<HistoryRow> {
    sqlx::query_as("SELECT at, entity, entity_id, action, detail FROM history ORDER BY id")
        .fetch_all(vault.pool())
        .await
        .unwrap()
}
