//! The keyboard only, as an owner without a mouse: not one click. First run, the skip link,
//! the company, a platform, an incident with an event, a piece through the file dialog (its
//! bypass), its preview closed with Escape (the focus back on its button), a search, a
//! dossier for the DGE's form written and exported (its dialog bypassed too). Tab
//! moves in reading order to each control, and every focused control shows its focus (the
//! helper `tab_to` checks it at each step).

use carnet_e2e::{App, ENV_TEST_DIALOGS, KEY_ENTER, KEY_ESCAPE, KEY_SPACE};

const PASSPHRASE: &str = "trois pommes vertes sous le vieux tilleul";

fn answer_open_dialog(dialogs: &std::path::Path, file: &std::path::Path) {
    std::fs::write(dialogs.join("open.txt"), file.display().to_string()).expect("open.txt");
}

/// Tab to the field named `label`, then type `text` into it.
async fn type_in(app: &App, label: &str, text: &str) {
    app.tab_to(label).await;
    app.keys(text).await;
}

/// Tab to the button named `name` and press Enter.
async fn press(app: &App, name: &str) {
    app.tab_to(name).await;
    app.keys(KEY_ENTER).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_journey_without_a_single_click() {
    let dir = tempfile::tempdir().expect("a data folder");
    let dialogs = tempfile::tempdir().expect("a folder for the dialogs");
    let dialogs_path = dialogs.path().display().to_string();
    let app = App::start_with_env(dir.path(), &[(ENV_TEST_DIALOGS, &dialogs_path)]).await;

    // First run.
    app.heading("Créer mon coffre").await;
    type_in(&app, "Phrase de passe", PASSPHRASE).await;
    type_in(&app, "Confirmez la phrase de passe", PASSPHRASE).await;
    app.keys(KEY_ENTER).await;
    app.heading("Votre clé de secours").await;
    app.tab_to("J’ai conservé ma clé de secours").await;
    app.keys(KEY_SPACE).await;
    press(&app, "Continuer").await;
    app.heading("Journal des incidents").await;

    // The skip link is the first stop and leads to the page's content.
    app.eval("document.activeElement && document.activeElement.blur(); return null")
        .await;
    app.tab_to("Aller au contenu").await;
    app.keys(KEY_ENTER).await;
    let in_main = app
        .eval(
            "const m = document.getElementById('main'); return m.contains(document.activeElement)",
        )
        .await;
    assert_eq!(
        in_main,
        serde_json::Value::Bool(true),
        "the focus went to the content"
    );

    // The company.
    press(&app, "Entreprise").await;
    app.heading("Votre entreprise").await;
    type_in(&app, "Raison sociale", "Atelier Dupont").await;
    type_in(&app, "SIRET", "732 829 320 00074").await;
    type_in(&app, "E-mail personnel", "claire.dupont@exemple.fr").await;
    press(&app, "Enregistrer le profil").await;
    app.wait_for_text("Profil enregistré.").await;

    // A platform of the catalogue.
    press(&app, "Plateformes").await;
    app.heading("Vos plateformes").await;
    press(&app, "Ajouter une plateforme").await;
    app.heading("Nouvelle plateforme").await;
    type_in(&app, "Nom de la plateforme", "Amazon").await;
    press(&app, "Enregistrer la plateforme").await;
    app.wait_for_text("Plateforme enregistrée").await;

    // An incident: its category chosen by typing on the list.
    press(&app, "Journal").await;
    app.heading("Journal des incidents").await;
    press(&app, "Noter un incident").await;
    app.heading("Nouvel incident").await;
    type_in(&app, "Catégorie", "Versements").await;
    assert!(
        !app.value("Catégorie").await.is_empty(),
        "a category chosen from the keyboard"
    );
    type_in(&app, "Titre", "Versements bloqués au clavier").await;
    type_in(&app, "Date des faits", "02/03/2026").await;
    press(&app, "Enregistrer l’incident").await;
    app.heading("Versements bloqués au clavier").await;

    // An event.
    press(&app, "Ajouter un événement").await;
    app.heading("Nouvel événement").await;
    type_in(&app, "Date de l’événement", "02/03/2026").await;
    type_in(&app, "Résumé", "La plateforme retient les versements").await;
    press(&app, "Enregistrer l’événement").await;
    app.wait_for_text("Événement enregistré.").await;

    // A piece through the dialog, previewed, the preview closed with Escape.
    let statement = dialogs.path().join("releve.txt");
    std::fs::write(&statement, "Relevé de mars : 1 234,56 € retenus.\n").unwrap();
    answer_open_dialog(dialogs.path(), &statement);
    press(&app, "Ajouter des fichiers").await;
    app.wait_for_text("1 pièce ajoutée.").await;
    press(&app, "Aperçu de P1").await;
    app.wait_for_text("Relevé de mars").await;
    app.keys(KEY_ESCAPE).await;
    app.eval_until("return document.querySelector('.preview') === null || null")
        .await;
    assert_eq!(
        app.focused_name().await,
        "Aperçu de P1",
        "the focus is back on the preview's button"
    );
    app.screenshot("keyboard-incident-fr").await;

    // A search.
    press(&app, "Journal").await;
    app.heading("Journal des incidents").await;
    type_in(&app, "Rechercher", "retient").await;
    app.keys(KEY_ENTER).await;
    let text = app.wait_for_text("Versements bloqués au clavier").await;
    assert!(text.contains("Versements bloqués au clavier"), "{text}");
    app.screenshot("keyboard-search-fr").await;

    // A dossier for the DGE's form, written and exported from the keyboard.
    press(&app, "Dossiers").await;
    app.heading("Dossiers").await;
    press(&app, "Nouveau dossier").await;
    app.heading("Nouveau dossier").await;
    // Radio buttons: Tab enters the group on the chosen one, the arrows choose.
    app.tab_to("Médiateur des entreprises").await;
    // (the real X keyboard: WebDriver's synthetic arrows do not move a radio group)
    carnet_e2e::x_keys(&["Up"]);
    if app.focused_name().await == "Médiateur des entreprises" {
        carnet_e2e::x_keys(&["Down"]);
    }
    assert_eq!(
        app.focused_name().await,
        "Signalement à la DGE (consultation-plateformes)"
    );
    app.tab_to("Versements bloqués au clavier").await;
    app.keys(KEY_SPACE).await;
    type_in(&app, "Titre du dossier", "Versements bloqués").await;
    type_in(
        &app,
        "Résumé",
        "La plateforme retient nos versements depuis le 2 mars.",
    )
    .await;
    app.tab_to("Je déclare que les informations de ce dossier sont exactes")
        .await;
    app.keys(KEY_SPACE).await;
    app.tab_to("Oui, la plateforme peut connaître l’identité de l’entreprise")
        .await;
    app.keys(KEY_SPACE).await;
    type_in(&app, "Signataire", "Claire Dupont, gérante").await;
    press(&app, "Créer le dossier").await;
    app.wait_for_text("Dossier créé.").await;
    let text = app.page_text().await;
    assert!(!text.contains("À compléter avant l’export"), "{text}");
    press(&app, "Exporter le dossier (PDF + pièces)").await;
    app.wait_for_text("Dossier exporté.").await;
    let written: Vec<String> = std::fs::read_dir(dialogs.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(written.iter().any(|n| n.ends_with(".pdf")), "{written:?}");
    assert!(written.iter().any(|n| n.ends_with(".zip")), "{written:?}");
    app.screenshot("keyboard-dossier-exported-fr").await;
    app.quit().await;
}
