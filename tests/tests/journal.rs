//! The journal's journeys, in the real window: the company profile (a wrong SIRET refused with
//! Rust's message next to its field, then the values as Rust normalised them). Screenshots in
//! French, in English and in the dark theme land in target/e2e-screenshots/journal-*.png.

use carnet_e2e::fantoccini::Locator;
use carnet_e2e::{App, xpath_literal};

const PASSPHRASE: &str = "trois pommes vertes sous le vieux tilleul";
const SIRET_REFUSED: &str =
    "Un numéro SIRET compte 14 chiffres, dont une clé de contrôle : vérifiez-le.";

fn data_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary data folder")
}

/// Creates the vault from the first-run screen and continues to the open vault.
async fn open_new_vault(app: &App) {
    app.heading("Créer mon coffre").await;
    app.fill("Phrase de passe", PASSPHRASE).await;
    app.fill("Confirmez la phrase de passe", PASSPHRASE).await;
    app.click("Créer mon coffre").await;
    app.heading("Votre clé de secours").await;
    app.tick("J’ai conservé ma clé de secours").await;
    app.click("Continuer").await;
    app.heading("Votre coffre est ouvert").await;
}

/// Opens a page from the main navigation.
async fn go(app: &App, item: &str) {
    let q = xpath_literal(item);
    app.find(Locator::XPath(&format!(
        "//nav//button[normalize-space(.)={q}]"
    )))
    .await
    .click()
    .await
    .expect("click the navigation item");
}

/// The page's `aria-invalid`, `aria-describedby` and focus for the input `id`.
async fn invalid_input(app: &App, id: &str) -> (Option<String>, Option<String>) {
    let input = app.find(Locator::Id(id)).await;
    (
        input.attr("aria-invalid").await.unwrap(),
        input.attr("aria-describedby").await.unwrap(),
    )
}

async fn fill_company(app: &App) {
    app.fill("Raison sociale", "Atelier Dupont").await;
    app.fill("Forme juridique", "SARL").await;
    app.fill("Code NAF (APE)", "4791b").await;
    app.choose(
        "Taille de l’entreprise",
        "Micro-entreprise (moins de 10 personnes)",
    )
    .await;
    app.fill("Effectif", "4").await;
    app.fill("Numéro et rue", "3 rue des Lilas").await;
    app.fill("Code postal", "69 003").await;
    app.fill("Ville", "Lyon").await;
    app.fill("Prénom et nom", "Claire Dupont").await;
    app.fill("Fonction", "Gérante").await;
    app.fill("E-mail personnel", "claire.dupont@Exemple.FR")
        .await;
    app.fill("Téléphone mobile", "06 12 34 56 78").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_company_profile_refuses_a_wrong_siret_then_keeps_the_normalised_values() {
    let dir = data_dir();
    let app = App::start(dir.path()).await;
    open_new_vault(&app).await;

    go(&app, "Entreprise").await;
    app.heading("Votre entreprise").await;
    let text = app.wait_for_text("Un profil pour tous vos dossiers").await;
    assert!(text.contains("reprend partout"), "{text}");
    app.screenshot("journal-company-empty-fr").await;

    // A SIRET whose check digit is wrong: Rust's message under the SIRET, which gets the focus.
    fill_company(&app).await;
    app.fill("SIRET", "732 829 320 00075").await;
    app.click("Enregistrer le profil").await;
    app.wait_for_text(SIRET_REFUSED).await;
    assert!(
        app.exists("//*[@id='company-siret-error' and @role='alert']")
            .await
    );
    let (invalid, described) = invalid_input(&app, "company-siret").await;
    assert_eq!(invalid.as_deref(), Some("true"));
    assert!(
        described
            .as_deref()
            .is_some_and(|d| d.split(' ').any(|id| id == "company-siret-error")),
        "{described:?}"
    );
    assert_eq!(app.focused_id().await, "company-siret");
    assert!(!app.page_text().await.contains("Profil enregistré"));
    app.screenshot("journal-company-siret-refused-fr").await;

    // The right one: saved, and every value shown as Rust wrote it.
    app.fill("SIRET", "73282932000074").await;
    app.click("Enregistrer le profil").await;
    app.wait_for_text("Profil enregistré.").await;
    assert!(!app.exists("//*[@id='company-siret-error']").await);
    assert_eq!(app.value("SIRET").await, "732 829 320 00074");
    assert_eq!(app.value("SIREN").await, "732 829 320");
    assert_eq!(app.value("Code NAF (APE)").await, "47.91B");
    assert_eq!(app.value("Code postal").await, "69003");
    assert_eq!(app.value("Téléphone mobile").await, "+33 6 12 34 56 78");
    assert_eq!(
        app.value("E-mail personnel").await,
        "claire.dupont@exemple.fr"
    );
    assert_eq!(app.value("Pays").await, "FR");
    app.wait_for_text("Dernière modification").await;
    app.screenshot("journal-company-saved-fr").await;

    // Insolvency proceedings, saved and read back after leaving the page.
    app.tick("L’entreprise fait l’objet d’une procédure collective (sauvegarde, redressement ou liquidation judiciaire)")
        .await;
    app.click("Enregistrer le profil").await;
    app.wait_for_text("Profil enregistré.").await;
    go(&app, "Paramètres").await;
    app.heading("Paramètres").await;
    go(&app, "Entreprise").await;
    app.heading("Votre entreprise").await;
    app.wait_for_text("Ce profil est repris dans chaque dossier.")
        .await;
    assert_eq!(app.value("Raison sociale").await, "Atelier Dupont");
    assert_eq!(app.value("SIRET").await, "732 829 320 00074");
    let insolvency = app.find(Locator::Id("company-insolvency")).await;
    assert!(insolvency.is_selected().await.unwrap());
    assert!(
        app.page_text()
            .await
            .contains("Le Médiateur des entreprises ne peut pas prendre un dossier")
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_company_profile_in_english_and_in_the_dark_theme() {
    let dir = data_dir();
    let app = App::start_dark(dir.path()).await;
    open_new_vault(&app).await;
    app.button_in_group("Langue", "English")
        .await
        .click()
        .await
        .unwrap();
    go(&app, "Company").await;
    app.heading("Your company").await;
    app.wait_for_text("One profile for all your dossiers").await;
    app.screenshot("journal-company-empty-en-dark").await;

    app.fill("Legal name", "Atelier Dupont").await;
    app.fill("SIRET number", "73282932000074").await;
    app.fill("Mobile phone", "06 12 34").await;
    app.click("Save the profile").await;
    app.wait_for_text("This number cannot be read: write a French number")
        .await;
    assert_eq!(app.focused_id().await, "company-contactPhone");
    app.screenshot("journal-company-phone-refused-en-dark")
        .await;

    app.fill("Mobile phone", "+44 20 7946 0958").await;
    app.click("Save the profile").await;
    app.wait_for_text("Profile saved.").await;
    assert_eq!(app.value("Mobile phone").await, "+442079460958");
    app.screenshot("journal-company-saved-en-dark").await;
    app.quit().await;
}
