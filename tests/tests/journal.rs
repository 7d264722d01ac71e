//! The journal's journeys, in the real window: the company profile (a wrong SIRET refused with
//! Rust's message next to its field, then the values as Rust normalised them), the platforms
//! (one from the catalogue, one named freely; edit, trash and restore). Screenshots in French,
//! in English and in the dark theme land in target/e2e-screenshots/journal-*.png.

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
async fn company_and_platforms_in_english_and_in_the_dark_theme() {
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

    go(&app, "Platforms").await;
    app.heading("Your platforms").await;
    app.click("Add a platform").await;
    app.heading("New platform").await;
    app.fill("Platform name", "cdiscount").await;
    app.wait_for_text(
        "Cdiscount: a platform of Carnet’s catalogue (Marketplace, Signed the 2019 charter).",
    )
    .await;
    app.fill("Share of turnover (%)", "150").await;
    app.click("Save the platform").await;
    app.wait_for_text("The share of turnover is a whole percentage from 0 to 100.")
        .await;
    assert_eq!(app.focused_id().await, "platform-turnoverShare");
    app.screenshot("journal-platform-form-refused-en-dark")
        .await;
    app.fill("Share of turnover (%)", "60").await;
    app.click("Save the platform").await;
    let text = app.wait_for_text("Platform saved: Cdiscount.").await;
    assert!(text.contains("Signed the 2019 charter"), "{text}");
    assert!(text.contains("60%"), "{text}");
    app.screenshot("journal-platforms-list-en-dark").await;
    app.quit().await;
}

/// Fills the new-platform form for Amazon, chosen through one of its aliases.
async fn fill_amazon(app: &App) {
    app.fill("Nom de la plateforme", "amazon.fr").await;
    app.wait_for_text("Amazon : plateforme du catalogue de Carnet (Place de marché, Non signataire de la charte).")
        .await;
    app.fill("Raison sociale de l’exploitant", "Amazon EU S.à r.l.")
        .await;
    app.choose("Pays de cette société", "Luxembourg").await;
    app.fill("Compte 1", "A2BC3DEF4GH").await;
    app.click("Ajouter un compte").await;
    assert_eq!(app.focused_id().await, "platform-sellerAccounts-1");
    app.fill("Compte 2", "FR-BOUTIQUE-2").await;
    app.fill("Début de la relation", "15/03/2021").await;
    app.fill("Part du chiffre d’affaires (%)", "35 %").await;
    app.fill(
        "Comment lui adresser une réclamation",
        "Seller Central, rubrique « Aide » puis « Nous contacter ».",
    )
    .await;
    app.fill("Médiateur 1", "CEDR").await;
    app.click("Ajouter un médiateur").await;
    app.fill("Médiateur 2", "CMAP").await;
    app.fill("Version des conditions générales", "12 juin 2025")
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn platforms_from_the_catalogue_or_named_edited_trashed_and_restored() {
    let dir = data_dir();
    let app = App::start(dir.path()).await;
    open_new_vault(&app).await;

    go(&app, "Plateformes").await;
    app.heading("Vos plateformes").await;
    app.wait_for_text("Aucune plateforme pour l’instant").await;
    app.screenshot("journal-platforms-empty-fr").await;

    // Amazon, from the catalogue, with a SIRET that is not one first.
    app.click("Ajouter une plateforme").await;
    app.heading("Nouvelle plateforme").await;
    fill_amazon(&app).await;
    app.fill("SIRET de cette société", "123 456 789 00000")
        .await;
    app.click("Enregistrer la plateforme").await;
    app.wait_for_text(SIRET_REFUSED).await;
    assert_eq!(app.focused_id().await, "platform-siret");
    assert!(
        app.exists("//*[@id='platform-siret-error' and @role='alert']")
            .await
    );
    app.wait_for_text("Carnet ne le devine jamais.").await;
    app.screenshot("journal-platform-form-siret-refused-fr")
        .await;
    app.fill("SIRET de cette société", "").await;
    app.click("Enregistrer la plateforme").await;
    app.heading("Vos plateformes").await;
    let text = app.wait_for_text("Plateforme enregistrée : Amazon.").await;
    for shown in [
        "Place de marché",
        "Non signataire de la charte",
        "Le règlement européen P2B s’applique quand même.",
        "35 %",
        "15 mars 2021",
        "Amazon EU S.à r.l., Luxembourg",
        "A2BC3DEF4GH, FR-BOUTIQUE-2",
        "CEDR, CMAP",
        "12 juin 2025",
    ] {
        assert!(text.contains(shown), "{shown:?} in:\n{text}");
    }
    assert!(
        app.page_text().await.contains("35\u{202F}%"),
        "French spacing before %"
    );

    // A platform the owner names: its type of service is then needed.
    app.click("Ajouter une plateforme").await;
    app.fill("Nom de la plateforme", "Marché des Créateurs")
        .await;
    app.wait_for_text("Plateforme hors catalogue : choisissez son type de service.")
        .await;
    app.click("Enregistrer la plateforme").await;
    app.wait_for_text("Choisissez un type de service de la liste.")
        .await;
    assert_eq!(app.focused_id().await, "platform-service");
    app.screenshot("journal-platform-form-custom-fr").await;
    app.choose("Type de service", "Place de marché").await;
    app.fill("Part du chiffre d’affaires (%)", "12").await;
    app.click("Enregistrer la plateforme").await;
    let text = app
        .wait_for_text("Plateforme enregistrée : Marché des Créateurs.")
        .await;
    assert!(text.contains("Charte : non renseigné"), "{text}");

    // Amazon twice: Rust says it is already there, above the form's buttons.
    app.click("Ajouter une plateforme").await;
    app.fill("Nom de la plateforme", "Amazon").await;
    app.click("Enregistrer la plateforme").await;
    app.wait_for_text("Cette plateforme est déjà dans votre liste")
        .await;
    app.click("Annuler").await;
    app.heading("Vos plateformes").await;
    assert_eq!(app.focused_id().await, "platform-add");

    // Edit: the form comes back filled as saved.
    app.click("Modifier Amazon").await;
    app.heading("Modifier Amazon").await;
    assert_eq!(app.value("Début de la relation").await, "15/03/2021");
    assert_eq!(app.value("Part du chiffre d’affaires (%)").await, "35");
    assert_eq!(app.value("Compte 2").await, "FR-BOUTIQUE-2");
    assert_eq!(app.value("Pays de cette société").await, "LU");
    app.fill("Part du chiffre d’affaires (%)", "40").await;
    app.click("Retirer le compte 2").await;
    app.click("Enregistrer la plateforme").await;
    let text = app.wait_for_text("Plateforme enregistrée : Amazon.").await;
    assert!(text.contains("40 %"), "{text}");
    assert!(!text.contains("FR-BOUTIQUE-2"), "{text}");
    assert_eq!(app.focused_id().await, "platform-1-name");
    app.screenshot("journal-platforms-list-fr").await;

    // To the trash and back.
    app.click("Mettre Marché des Créateurs à la corbeille")
        .await;
    app.wait_for_text("Marché des Créateurs est dans la corbeille.")
        .await;
    assert!(
        !app.exists("//h2[normalize-space(.)='Marché des Créateurs']")
            .await
    );
    assert_eq!(app.focused_id().await, "platform-restore");
    app.screenshot("journal-platforms-trashed-fr").await;
    app.click("Restaurer Marché des Créateurs").await;
    app.wait_for_text("Marché des Créateurs est de retour dans la liste.")
        .await;
    app.heading("Marché des Créateurs").await;

    // The same list in English.
    app.button_in_group("Langue", "English")
        .await
        .click()
        .await
        .unwrap();
    app.heading("Your platforms").await;
    let text = app.wait_for_text("Did not sign the charter").await;
    assert!(text.contains("Marketplace"), "{text}");
    assert!(text.contains("15 March 2021"), "{text}");
    assert!(text.contains("Charter: not known"), "{text}");
    app.screenshot("journal-platforms-list-en").await;
    app.click("Edit Amazon").await;
    app.heading("Edit Amazon").await;
    app.wait_for_text(
        "Amazon: a platform of Carnet’s catalogue (Marketplace, Did not sign the charter).",
    )
    .await;
    app.screenshot("journal-platform-form-en").await;
    app.quit().await;
}
