//! Accessibility, measured: axe-core (the UI's packaged dev dependency, injected through
//! WebDriver) on every page and dialog the owner meets — first run, recovery key, journal,
//! incident, event and piece forms (empty, refused), dashboard, dossiers, settings with its
//! backups, trash, unlock, the spreadsheet import with its preview — in French and English, in the light and the dark theme: no serious
//! or critical violation. The minor ones land in target/e2e-screenshots/axe-minor.txt.
//! Also the piece's note edited from its card, Escape closing the form with the focus back
//! on its button.

use carnet_e2e::fantoccini::Locator;
use carnet_e2e::fantoccini::key::Key;
use carnet_e2e::{App, ENV_TEST_DIALOGS};

const PASSPHRASE: &str = "trois pommes vertes sous le vieux tilleul";

/// The main navigation's pages, by their visible names in one language.
const PAGES_FR: [&str; 7] = [
    "Journal",
    "Entreprise",
    "Plateformes",
    "Tableau de bord",
    "Dossiers",
    "Paramètres",
    "Corbeille",
];
const PAGES_EN: [&str; 7] = [
    "Incident log",
    "Company",
    "Platforms",
    "Dashboard",
    "Your dossiers",
    "Settings",
    "Trash",
];

async fn audit_pages(app: &App, pages: &[&str], tag: &str) {
    for page in pages {
        app.go(page).await;
        // The page's own heading is focused once it is shown.
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        app.audit(&format!("{tag}-{page}")).await;
    }
}

/// Opens a form by its button, audits it empty and refused (submitted blank), then cancels.
async fn audit_form(app: &App, open: &str, submit: &str, cancel: &str, tag: &str) {
    app.click(open).await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    app.audit(&format!("{tag}-form")).await;
    app.click(submit).await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    app.audit(&format!("{tag}-refused")).await;
    app.click(cancel).await;
}

async fn create_vault_audited(app: &App, tag: &str) {
    app.heading("Créer mon coffre").await;
    app.audit(&format!("{tag}-first-run")).await;
    app.click("Créer mon coffre").await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    app.audit(&format!("{tag}-first-run-refused")).await;
    app.fill("Phrase de passe", PASSPHRASE).await;
    app.fill("Confirmez la phrase de passe", PASSPHRASE).await;
    app.submit_new_vault().await;
    app.audit(&format!("{tag}-recovery-key")).await;
    app.tick("J’ai conservé ma clé de secours").await;
    app.click("Continuer").await;
    app.heading("Journal des incidents").await;
}

/// A platform, an incident with an event and a piece (the file dialog bypassed).
async fn fill_journal(app: &App, dialogs: &std::path::Path) {
    app.add_platform("Amazon").await;
    app.go("Journal").await;
    app.click("Noter un incident").await;
    app.heading("Nouvel incident").await;
    app.choose("Catégorie", "Versements retenus ou bloqués")
        .await;
    app.fill("Titre", "Versements bloqués depuis mars").await;
    app.fill("Date des faits", "02/03/2026").await;
    app.click("Enregistrer l’incident").await;
    app.heading("Versements bloqués depuis mars").await;
    app.click("Ajouter un événement").await;
    app.heading("Nouvel événement").await;
    app.fill("Date de l’événement", "03/03/2026").await;
    app.fill("Résumé", "Compte suspendu sans motif").await;
    app.click("Enregistrer l’événement").await;
    app.wait_for_text("Événement enregistré.").await;
    let file = dialogs.join("releve.txt");
    std::fs::write(&file, "Versements : 0,00 €\n").unwrap();
    std::fs::write(dialogs.join("open.txt"), file.display().to_string()).unwrap();
    app.click("Ajouter des fichiers").await;
    app.wait_for_text("1 pièce ajoutée.").await;
}

/// The import screen: before a file, then with a CSV read, its mapping and its dry run
/// (a row with an unreadable date among them), then cancelled.
async fn audit_import(app: &App, dialogs: &std::path::Path, open: &str, choose: &str, tag: &str) {
    let file = dialogs.join("litiges.csv");
    std::fs::write(
        &file,
        "Date;Plateforme;Problème;Montant\n26/11/2026;Cdiscount;Compte suspendu;1 234,56 €\nfin mars;Amazon;Avis supprimés;12\n",
    )
    .unwrap();
    std::fs::write(dialogs.join("open.txt"), file.display().to_string()).unwrap();
    app.click(open).await;
    app.audit(&format!("{tag}-import")).await;
    app.click(choose).await;
    app.wait_for_text("litiges.csv").await;
    app.find(Locator::Id("import-preview")).await;
    app.audit(&format!("{tag}-import-preview")).await;
    app.screenshot(&format!("a11y-{tag}-import")).await;
    app.click(if tag.contains("en") {
        "Cancel"
    } else {
        "Annuler"
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_nothing_serious_in_french_and_english_light() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = tempfile::tempdir().unwrap();
    let dialogs_path = dialogs.path().display().to_string();
    let app = App::start_with_env(dir.path(), &[(ENV_TEST_DIALOGS, &dialogs_path)]).await;
    app.heading("Bienvenue dans Carnet").await;
    app.audit("fr-welcome").await;
    create_vault_audited(&app, "fr").await;
    app.audit("fr-journal-empty").await;
    fill_journal(&app, dialogs.path()).await;
    app.audit("fr-incident").await;
    audit_form(
        &app,
        "Ajouter un événement",
        "Enregistrer l’événement",
        "Annuler",
        "fr-event",
    )
    .await;
    app.click("Modifier le titre, la date et la note de P1")
        .await;
    app.audit("fr-piece-form").await;
    audit_pages(&app, &PAGES_FR, "fr").await;
    app.go("Journal").await;
    audit_import(
        &app,
        dialogs.path(),
        "Importer un tableur",
        "Choisir un fichier…",
        "fr",
    )
    .await;
    audit_form(
        &app,
        "Noter un incident",
        "Enregistrer l’incident",
        "Annuler",
        "fr-incident",
    )
    .await;
    app.go("Plateformes").await;
    app.click("Ajouter une plateforme").await;
    app.audit("fr-platform-form").await;
    app.go("Dossiers").await;
    app.click("Nouveau dossier").await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    app.audit("fr-dossier-new").await;
    app.screenshot("a11y-fr-light").await;

    app.switch_to_english().await;
    audit_pages(&app, &PAGES_EN, "en").await;
    app.go("Incident log").await;
    audit_import(
        &app,
        dialogs.path(),
        "Import a spreadsheet",
        "Choose a file…",
        "en",
    )
    .await;
    audit_form(
        &app,
        "Record an incident",
        "Save the incident",
        "Cancel",
        "en-incident",
    )
    .await;
    app.go("Your dossiers").await;
    app.click("New dossier").await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    app.audit("en-dossier-new").await;
    app.screenshot("a11y-en-light").await;
    app.click("Lock").await;
    app.heading("Unlock the vault").await;
    app.audit("en-unlock").await;
    app.click("Unlock").await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    app.audit("en-unlock-refused").await;

    // The audit is not blind: grey on grey text added to the page is caught.
    app.eval(
        "const p = document.createElement('p'); p.textContent = 'Illisible';
         p.style.color = '#888'; p.style.background = '#999';
         document.querySelector('main').append(p);",
    )
    .await;
    let found = app.axe().await;
    assert!(
        found
            .iter()
            .any(|v| v.id == "color-contrast" && v.impact == "serious"),
        "{found:#?}"
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_nothing_serious_in_the_dark_theme_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = tempfile::tempdir().unwrap();
    let dialogs_path = dialogs.path().display().to_string();
    let app = App::start_with_env(
        dir.path(),
        &[
            carnet_e2e::DARK_THEME,
            (ENV_TEST_DIALOGS, dialogs_path.as_str()),
        ],
    )
    .await;
    assert!(app.prefers_dark().await, "the dark theme is on");
    app.audit("dark-fr-welcome").await;
    create_vault_audited(&app, "dark-fr").await;
    fill_journal(&app, dialogs.path()).await;
    app.audit("dark-fr-incident").await;
    app.click("Modifier le titre, la date et la note de P1")
        .await;
    app.audit("dark-fr-piece-form").await;
    audit_pages(&app, &PAGES_FR, "dark-fr").await;
    app.go("Journal").await;
    audit_form(
        &app,
        "Noter un incident",
        "Enregistrer l’incident",
        "Annuler",
        "dark-fr-incident",
    )
    .await;
    app.screenshot("a11y-fr-dark").await;
    app.switch_to_english().await;
    audit_pages(&app, &PAGES_EN, "dark-en").await;
    app.go("Your dossiers").await;
    app.click("New dossier").await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    app.audit("dark-en-dossier-new").await;
    app.screenshot("a11y-en-dark").await;
    app.click("Lock").await;
    app.heading("Unlock the vault").await;
    app.audit("dark-en-unlock").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pieces_note_is_edited_from_its_card_and_escape_closes_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = tempfile::tempdir().unwrap();
    let dialogs_path = dialogs.path().display().to_string();
    let app = App::start_with_env(dir.path(), &[(ENV_TEST_DIALOGS, &dialogs_path)]).await;
    app.create_vault_and_open(PASSPHRASE).await;
    fill_journal(&app, dialogs.path()).await;

    let edit = app
        .button("Modifier le titre, la date et la note de P1")
        .await;
    let edit_id = edit.attr("id").await.unwrap().expect("the button's id");
    edit.click().await.unwrap();
    app.find(Locator::XPath("//h4[normalize-space(.)='Modifier P1']"))
        .await;
    // Escape closes the form and gives the focus back to its button.
    app.field("Note sur la pièce")
        .await
        .send_keys(&Key::Escape.to_string())
        .await
        .unwrap();
    app.gone("//h4[normalize-space(.)='Modifier P1']").await;
    assert_eq!(app.focused_id().await, edit_id);

    app.click("Modifier le titre, la date et la note de P1")
        .await;
    app.fill("Note sur la pièce", "Relevé montrant le solde retenu")
        .await;
    app.click("Enregistrer la pièce").await;
    app.wait_for_text("P1 enregistrée.").await;
    app.wait_for_text("Relevé montrant le solde retenu").await;
    assert_eq!(app.focused_id().await, edit_id);
    app.screenshot("a11y-piece-note-fr").await;
    app.quit().await;
}
