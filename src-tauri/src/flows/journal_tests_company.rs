//! The company and platform commands run by the test host: their journeys, and a bad-input
//! table per command. Every refusal is a coded, localised error that never repeats the input,
//! and leaves the vault as it was: the previous row intact, no history row added.

use carnet_core::Field;
use carnet_core::journal::company::CompanyInput;
use carnet_core::journal::platform::PlatformInput;
use carnet_core::platforms::CharterSignatory;

use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;
use crate::test_host::{company, hostile, opened};

/// Every row of the journal's tables, as text: what "nothing changed" compares.
async fn snapshot(s: &AppState) -> Vec<String> {
    let slot = s.vault.lock().await;
    let pool = slot.as_ref().unwrap().pool();
    let mut out = Vec::new();
    for table in ["company", "platform", "history", "search"] {
        let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?)")
            .bind(table)
            .fetch_all(pool)
            .await
            .unwrap();
        let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT json_array(rowid, {}) FROM {table} ORDER BY rowid",
            columns.join(", ")
        )))
        .fetch_all(pool)
        .await
        .unwrap_or_else(|e| panic!("{table}: {e}"));
        out.extend(rows.into_iter().map(|r| format!("{table} {r}")));
    }
    out
}

async fn history_actions(s: &AppState) -> Vec<(String, i64, String)> {
    let slot = s.vault.lock().await;
    sqlx::query_as("SELECT entity, entity_id, action FROM history ORDER BY id")
        .fetch_all(slot.as_ref().unwrap().pool())
        .await
        .unwrap()
}

/// A refusal as the UI receives it: invalid input naming `field`, in the owner's language,
/// without the input in the message.
fn assert_refused(e: &IpcError, field: Field, bad: &str) {
    assert_eq!(
        (e.code, e.field),
        (ErrorCode::InvalidInput, Some(field)),
        "{bad:?}"
    );
    assert!(!e.message.is_empty());
    assert!(
        bad.trim().chars().count() < 3 || !e.message.contains(bad.trim()),
        "the message repeats the input: {}",
        e.message
    );
}

type SetCompany = fn(&mut CompanyInput, String);

/// Each text input of the company form, with the field its errors name.
fn company_inputs() -> Vec<(SetCompany, Field)> {
    vec![
        (|i, v| i.legal_name = v, Field::CompanyLegalName),
        (|i, v| i.siren = v, Field::Siren),
        (|i, v| i.siret = v, Field::Siret),
        (|i, v| i.legal_form = v, Field::CompanyLegalForm),
        (|i, v| i.naf = v, Field::Naf),
        (|i, v| i.size_class = v, Field::CompanySizeClass),
        (|i, v| i.headcount = v, Field::CompanyHeadcount),
        (|i, v| i.street = v, Field::CompanyStreet),
        (|i, v| i.postcode = v, Field::Postcode),
        (|i, v| i.city = v, Field::CompanyCity),
        (|i, v| i.country = v, Field::Country),
        (|i, v| i.contact_name = v, Field::CompanyContactName),
        (|i, v| i.contact_role = v, Field::CompanyContactRole),
        (|i, v| i.contact_email = v, Field::Email),
        (|i, v| i.contact_phone = v, Field::Phone),
    ]
}

#[tokio::test]
async fn company_journey() {
    let (_dir, s) = opened().await;
    assert_eq!(s.company_get().await.unwrap(), None);
    let saved = s.company_save(company()).await.unwrap();
    assert_eq!(
        saved.profile.siret.as_ref().unwrap().as_str(),
        "73282932000074"
    );
    assert_eq!(saved.profile.contact_phone, "+33 6 12 34 56 78");
    assert_eq!(s.company_get().await.unwrap(), Some(saved.clone()));

    // Editing what the screen shows back changes nothing.
    let again = s.company_save(saved.profile.to_input()).await.unwrap();
    assert_eq!(again, saved);

    let insolvent = s
        .company_save(CompanyInput {
            insolvency: true,
            ..company()
        })
        .await
        .unwrap();
    assert!(!insolvent.profile.mediator_can_act());
    assert_eq!(
        history_actions(&s).await,
        [
            ("company".into(), 1, "created".into()),
            ("company".into(), 1, "updated".into())
        ]
    );
    s.vault_lock().await;
}

#[tokio::test]
async fn company_save_bad_inputs() {
    let (_dir, s) = opened().await;
    // Refused before any profile exists: still nothing.
    let e = s.company_save(CompanyInput::default()).await.unwrap_err();
    assert_refused(&e, Field::CompanyLegalName, "");
    assert_eq!(s.company_get().await.unwrap(), None);
    assert!(snapshot(&s).await.is_empty());

    let saved = s.company_save(company()).await.unwrap();
    let mut before = snapshot(&s).await;
    let mut refused = 0;
    for (set, field) in company_inputs() {
        for bad in hostile() {
            let mut input = company();
            set(&mut input, bad.clone());
            match s.company_save(input).await {
                Err(e) => {
                    refused += 1;
                    assert_refused(&e, field, &bad);
                    assert_eq!(snapshot(&s).await, before, "{field:?} {bad:?}");
                }
                // Empty optional fields, and text that merely looks hostile, are the owner's
                // to write: they must come back exactly as saved.
                Ok(c) => {
                    assert_eq!(s.company_get().await.unwrap(), Some(c));
                    s.company_save(company()).await.unwrap();
                    before = snapshot(&s).await;
                }
            }
        }
    }
    assert!(refused >= 70, "{refused} refusals");
    // Targeted values: each refused with its field.
    let table: Vec<(SetCompany, &str, Field)> = vec![
        (|i, v| i.siret = v, "73282932000075", Field::Siret),
        (|i, v| i.siren = v, "356000000", Field::SiretOfAnotherSiren),
        (|i, v| i.naf = v, "4A.91", Field::Naf),
        (|i, v| i.size_class = v, "PME", Field::CompanySizeClass),
        (|i, v| i.headcount = v, "100001", Field::CompanyHeadcount),
        (|i, v| i.headcount = v, "-3", Field::CompanyHeadcount),
        (|i, v| i.postcode = v, "6900", Field::Postcode),
        (|i, v| i.country = v, "France", Field::Country),
        (|i, v| i.contact_email = v, "claire@exemple", Field::Email),
        (|i, v| i.contact_phone = v, "07 99 88", Field::Phone),
    ];
    let current = s.company_get().await.unwrap();
    let history = history_actions(&s).await;
    for (set, bad, field) in table {
        let mut input = company();
        set(&mut input, bad.into());
        let e = s.company_save(input).await.unwrap_err();
        assert_refused(&e, field, bad);
    }
    assert_eq!(s.company_get().await.unwrap(), current);
    assert_eq!(history_actions(&s).await, history);
    assert_eq!(current.unwrap().profile, saved.profile);
    s.vault_lock().await;
}

#[tokio::test]
async fn errors_speak_the_owners_language() {
    let (_dir, s) = opened().await;
    let bad = CompanyInput {
        siret: "123".into(),
        ..company()
    };
    let fr = s.company_save(bad.clone()).await.unwrap_err();
    assert!(
        fr.message.contains("SIRET") && fr.message.contains("chiffres"),
        "{}",
        fr.message
    );
    assert!(
        fr.message.contains('\u{202F}'),
        "French spacing: {}",
        fr.message
    );
    s.set_locale("en").unwrap();
    let en = s.company_save(bad).await.unwrap_err();
    assert!(en.message.contains("digits"), "{}", en.message);
    s.vault_lock().await;
}

fn amazon() -> PlatformInput {
    PlatformInput {
        catalogue_id: "amazon".into(),
        legal_entity: "Amazon EU S.à r.l.".into(),
        country: "LU".into(),
        seller_accounts: vec!["A1B2C3D4E5".into()],
        relationship_start: "2019-03-01".into(),
        turnover_share: "62 %".into(),
        complaint_channel: "Seller Central, rubrique Aide".into(),
        mediators: vec!["CEDR".into()],
        terms_version: "2024-06".into(),
        ..Default::default()
    }
}

type SetPlatform = fn(&mut PlatformInput, String);

/// Each text input of the platform form, with the field its errors name.
fn platform_inputs() -> Vec<(SetPlatform, Field)> {
    vec![
        (|i, v| i.catalogue_id = v, Field::PlatformCatalogueId),
        (
            |i, v| {
                i.catalogue_id.clear();
                i.service = "marketplace".into();
                i.name = v;
            },
            Field::PlatformName,
        ),
        (|i, v| i.service = v, Field::PlatformService),
        (|i, v| i.legal_entity = v, Field::PlatformLegalEntity),
        (|i, v| i.country = v, Field::Country),
        (|i, v| i.siret = v, Field::Siret),
        (
            |i, v| i.seller_accounts = vec![v],
            Field::PlatformSellerAccounts,
        ),
        (
            |i, v| i.relationship_start = v,
            Field::PlatformRelationshipStart,
        ),
        (|i, v| i.turnover_share = v, Field::PlatformTurnoverShare),
        (
            |i, v| i.complaint_channel = v,
            Field::PlatformComplaintChannel,
        ),
        (|i, v| i.mediators = vec![v], Field::PlatformMediators),
        (|i, v| i.terms_version = v, Field::PlatformTermsVersion),
        (|i, v| i.address = v, Field::PlatformAddress),
    ]
}

async fn add_incident(s: &AppState, platform_id: i64) -> i64 {
    let slot = s.vault.lock().await;
    sqlx::query_scalar(
        "INSERT INTO incident (platform_id, category, title, status, created_at, updated_at)
         VALUES (?, 'ACC-02', 'Compte suspendu', 'open', '2026-11-26', '2026-11-26')
         RETURNING id",
    )
    .bind(platform_id)
    .fetch_one(slot.as_ref().unwrap().pool())
    .await
    .unwrap()
}

#[tokio::test]
async fn platform_journey() {
    let (_dir, s) = opened().await;
    let catalogue = s.platform_catalogue();
    let json = serde_json::to_value(&catalogue).unwrap();
    assert!(json["platforms"].as_array().unwrap().len() >= 20);
    assert_eq!(json["services"].as_array().unwrap().len(), 6);
    assert!(s.platforms_list().await.unwrap().is_empty());

    let a = s.platform_save(amazon()).await.unwrap();
    assert_eq!(a.details.name, "Amazon");
    assert_eq!(a.charter, Some(CharterSignatory::Joined2020));
    let shop = s
        .platform_save(PlatformInput {
            name: "Boutique des Halles".into(),
            service: "marketplace".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(shop.charter, None);
    assert_eq!(s.platforms_list().await.unwrap(), [a.clone(), shop.clone()]);

    // Update: the same id, the changed details; the form shown back changes nothing.
    let changed = s
        .platform_save(PlatformInput {
            id: Some(a.id),
            seller_accounts: vec!["A1B2C3D4E5".into(), "F6G7H8".into()],
            ..amazon()
        })
        .await
        .unwrap();
    assert_eq!(changed.id, a.id);
    assert_eq!(changed.details.seller_accounts.len(), 2);
    let same = s
        .platform_save(changed.details.to_input(Some(a.id)))
        .await
        .unwrap();
    assert_eq!(same, changed);

    // Adding it twice is refused.
    let e = s.platform_save(amazon()).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::PlatformExists);

    // In use: refused, coded; then trashed and restored.
    let incident = add_incident(&s, a.id).await;
    let before = snapshot(&s).await;
    let e = s.platform_delete(a.id).await.unwrap_err();
    assert_eq!((e.code, e.field), (ErrorCode::PlatformInUse, None));
    assert!(e.message.contains("corbeille"), "{}", e.message);
    assert_eq!(snapshot(&s).await, before);
    {
        let slot = s.vault.lock().await;
        sqlx::query("UPDATE incident SET deleted_at = '2026-11-26' WHERE id = ?")
            .bind(incident)
            .execute(slot.as_ref().unwrap().pool())
            .await
            .unwrap();
    }
    s.platform_delete(a.id).await.unwrap();
    assert_eq!(
        s.platforms_list().await.unwrap(),
        std::slice::from_ref(&shop)
    );
    let restored = s.platform_restore(a.id).await.unwrap();
    assert_eq!(restored.details, changed.details);
    assert_eq!(s.platforms_list().await.unwrap().len(), 2);

    let actions: Vec<(i64, String)> = history_actions(&s)
        .await
        .into_iter()
        .map(|(_, id, action)| (id, action))
        .collect();
    assert_eq!(
        actions,
        [
            (a.id, "created".into()),
            (shop.id, "created".into()),
            (a.id, "updated".into()),
            (a.id, "deleted".into()),
            (a.id, "restored".into()),
        ]
    );
    s.vault_lock().await;
}

#[tokio::test]
async fn platform_save_bad_inputs() {
    let (_dir, s) = opened().await;
    let a = s.platform_save(amazon()).await.unwrap();
    let mut before = snapshot(&s).await;
    let mut refused = 0;
    for (set, field) in platform_inputs() {
        for bad in hostile() {
            // As a change of the saved platform, and as a new one.
            for id in [Some(a.id), None] {
                let mut input = PlatformInput { id, ..amazon() };
                set(&mut input, bad.clone());
                match s.platform_save(input).await {
                    Err(e) if e.code == ErrorCode::PlatformExists => {
                        assert_eq!(id, None, "{field:?} {bad:?}");
                    }
                    Err(e) => {
                        refused += 1;
                        // No catalogue id: then the platform needs a name.
                        let field = match field {
                            Field::PlatformCatalogueId if bad.trim().is_empty() => {
                                Field::PlatformName
                            }
                            f => f,
                        };
                        assert_refused(&e, field, &bad);
                        assert_eq!(snapshot(&s).await, before, "{field:?} {bad:?}");
                    }
                    Ok(p) => {
                        // Accepted: stored exactly as answered; then put back.
                        let listed = s.platforms_list().await.unwrap();
                        assert!(listed.contains(&p), "{field:?} {bad:?}");
                        if p.id == a.id {
                            s.platform_save(PlatformInput {
                                id: Some(a.id),
                                ..amazon()
                            })
                            .await
                            .unwrap();
                        } else {
                            s.platform_delete(p.id).await.unwrap();
                        }
                        before = snapshot(&s).await;
                    }
                }
            }
        }
    }
    assert!(refused >= 80, "{refused} refusals");

    // Lists too long, ids that are not there, a relationship starting tomorrow.
    let tomorrow = (chrono::Local::now().date_naive() + chrono::Days::new(1)).to_string();
    let long_lists: Vec<(PlatformInput, Field)> = vec![
        (
            PlatformInput {
                seller_accounts: (0..21).map(|i| format!("ACC{i}")).collect(),
                ..amazon()
            },
            Field::PlatformSellerAccounts,
        ),
        (
            PlatformInput {
                seller_accounts: vec!["x".into(); 1_000_000],
                ..amazon()
            },
            Field::PlatformSellerAccounts,
        ),
        (
            PlatformInput {
                mediators: (0..11).map(|i| format!("Médiateur {i}")).collect(),
                ..amazon()
            },
            Field::PlatformMediators,
        ),
        (
            PlatformInput {
                relationship_start: tomorrow,
                ..amazon()
            },
            Field::PlatformRelationshipStart,
        ),
        (
            PlatformInput {
                turnover_share: "101".into(),
                ..amazon()
            },
            Field::PlatformTurnoverShare,
        ),
    ];
    let history = history_actions(&s).await;
    for (input, field) in long_lists {
        let e = s
            .platform_save(PlatformInput {
                id: Some(a.id),
                ..input
            })
            .await
            .unwrap_err();
        assert_refused(&e, field, "");
    }
    for id in [0, -1, a.id + 1000, i64::MAX, i64::MIN] {
        let e = s
            .platform_save(PlatformInput {
                id: Some(id),
                ..amazon()
            })
            .await
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound, "{id}");
    }
    assert_eq!(history_actions(&s).await, history);
    let listed = s.platforms_list().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].id, &listed[0].details), (a.id, &a.details));
    s.vault_lock().await;
}

#[tokio::test]
async fn platform_delete_and_restore_bad_ids() {
    let (_dir, s) = opened().await;
    let a = s.platform_save(amazon()).await.unwrap();
    let before = snapshot(&s).await;
    for id in [0, -1, a.id + 1, i64::MAX, i64::MIN] {
        assert_eq!(
            s.platform_delete(id).await.unwrap_err().code,
            ErrorCode::NotFound
        );
        assert_eq!(
            s.platform_restore(id).await.unwrap_err().code,
            ErrorCode::NotFound
        );
    }
    assert_eq!(snapshot(&s).await, before);
    s.vault_lock().await;
}

#[tokio::test]
async fn journal_commands_need_the_vault_open() {
    let (_dir, s) = opened().await;
    s.vault_lock().await;
    let codes = [
        s.company_get().await.map(|_| ()).unwrap_err().code,
        s.company_save(company())
            .await
            .map(|_| ())
            .unwrap_err()
            .code,
        s.platforms_list().await.map(|_| ()).unwrap_err().code,
        s.platform_save(amazon())
            .await
            .map(|_| ())
            .unwrap_err()
            .code,
        s.platform_delete(1).await.unwrap_err().code,
        s.platform_restore(1).await.map(|_| ()).unwrap_err().code,
    ];
    assert!(
        codes.iter().all(|c| *c == ErrorCode::VaultLocked),
        "{codes:?}"
    );
    // The catalogue is data, not the owner's: it needs no vault.
    assert!(!s.platform_catalogue().all().is_empty());
    s.vault_lock().await;
}
