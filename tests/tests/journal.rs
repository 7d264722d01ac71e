//! The journal's journeys, in the real window: the company profile (a wrong SIRET refused with
//! Rust's message next to its field, then the values as Rust normalised them), the platforms
//! (one from the catalogue, one named freely; edit, trash and restore), an incident with its
//! chronology and pieces (the file dialog bypassed, an e-mail imported, a file dropped, a
//! screenshot pasted), its status, the trash. Screenshots in French, in English and in the
//! dark theme land in target/e2e-screenshots/journal-*.png.

use carnet_e2e::fantoccini::Locator;
use carnet_e2e::{App, ENV_TEST_DIALOGS};

const PASSPHRASE: &str = "trois pommes vertes sous le vieux tilleul";
const SIRET_REFUSED: &str =
    "Un numéro SIRET compte 14 chiffres, dont une clé de contrôle : vérifiez-le.";

fn data_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary data folder")
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
    app.create_vault_and_open(PASSPHRASE).await;

    app.go("Entreprise").await;
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
    app.gone("//*[@id='company-siret-error']").await;
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
    app.go("Paramètres").await;
    app.heading("Paramètres").await;
    app.go("Entreprise").await;
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
    app.create_vault_and_open(PASSPHRASE).await;
    app.switch_to_english().await;
    app.go("Company").await;
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

    app.go("Platforms").await;
    app.heading("Your platforms").await;
    app.click("Add a platform").await;
    app.heading("New platform").await;
    app.fill("Platform name", "cdiscount").await;
    app.wait_for_text(
        "Cdiscount: a platform of Carnet’s catalogue (Marketplace, Signed the charter in 2019).",
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
    assert!(text.contains("Signed the charter in 2019"), "{text}");
    assert!(text.contains("60%"), "{text}");
    app.screenshot("journal-platforms-list-en-dark").await;
    app.quit().await;
}

/// Fills the new-platform form for Amazon, chosen through one of its aliases.
async fn fill_amazon(app: &App) {
    app.fill("Nom de la plateforme", "amazon.fr").await;
    app.wait_for_text("Amazon : plateforme du catalogue de Carnet (Place de marché, A rejoint la charte en 2020).")
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
    app.create_vault_and_open(PASSPHRASE).await;

    app.go("Plateformes").await;
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
        "A rejoint la charte en 2020",
        "lors de son renouvellement du 7 décembre 2020",
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
    app.click("Mettre à la corbeille\u{202F}: Marché des Créateurs")
        .await;
    app.wait_for_text("Marché des Créateurs est dans la corbeille.")
        .await;
    app.gone("//h2[normalize-space(.)='Marché des Créateurs']")
        .await;
    assert_eq!(app.focused_id().await, "platform-restore");
    app.screenshot("journal-platforms-trashed-fr").await;
    app.click("Restaurer Marché des Créateurs").await;
    app.wait_for_text("Marché des Créateurs est de retour dans la liste.")
        .await;
    app.heading("Marché des Créateurs").await;

    // The same list in English.
    app.switch_to_english().await;
    app.heading("Your platforms").await;
    let text = app.wait_for_text("Joined the charter in 2020").await;
    assert!(text.contains("Marketplace"), "{text}");
    assert!(text.contains("15 March 2021"), "{text}");
    assert!(text.contains("Charter: not known"), "{text}");
    app.screenshot("journal-platforms-list-en").await;
    app.click("Edit Amazon").await;
    app.heading("Edit Amazon").await;
    app.wait_for_text(
        "Amazon: a platform of Carnet’s catalogue (Marketplace, Joined the charter in 2020).",
    )
    .await;
    app.screenshot("journal-platform-form-en").await;
    app.quit().await;
}

const EMAIL: &str = "From: Service vendeurs <seller-support@amazon.fr>\r
To: Claire Dupont <claire@atelier-dupont.fr>\r
Subject: Votre réclamation n° 4471\r
Date: Tue, 10 Mar 2026 09:15:00 +0100\r
MIME-Version: 1.0\r
Content-Type: multipart/mixed; boundary=\"SEP\"\r
\r
--SEP\r
Content-Type: text/plain; charset=utf-8\r
Content-Transfer-Encoding: 8bit\r
\r
Bonjour,\r
\r
Nous avons bien reçu votre réclamation. <b>Les fonds restent retenus</b> pendant notre examen.\r
--SEP\r
Content-Type: text/plain; charset=utf-8; name=\"conditions.txt\"\r
Content-Disposition: attachment; filename=\"conditions.txt\"\r
\r
Article 12 : la plateforme peut retenir les fonds.\r
--SEP--\r
";

/// Scrolls the element `id` to the top of the window (for a screenshot of that part).
async fn scroll_to(app: &App, id: &str) {
    app.eval(&format!(
        "document.getElementById({id:?}).scrollIntoView({{ block: 'start' }})"
    ))
    .await;
}

/// Writes the file the app's open dialog will answer (the test bypass reads `open.txt`).
fn answer_open_dialog(dialogs: &std::path::Path, file: &std::path::Path) {
    std::fs::write(dialogs.join("open.txt"), file.display().to_string()).expect("open.txt");
}

/// Drops a file made in the page (a drawn PNG) on the drop zone, as the system would.
async fn drop_drawn_image(app: &App, name: &str) {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const canvas = document.createElement('canvas');
         canvas.width = 360; canvas.height = 120;
         const g = canvas.getContext('2d');
         g.fillStyle = '#dce6f3'; g.fillRect(0, 0, 360, 120);
         g.fillStyle = '#1d3557'; g.font = '24px sans-serif';
         g.fillText('Versements : 0,00 €', 20, 70);
         canvas.toBlob((blob) => {{
           const file = new File([blob], {name:?}, {{ type: 'image/png' }});
           const data = new DataTransfer();
           data.items.add(file);
           const zone = document.querySelector('.drop');
           for (const type of ['dragover', 'drop']) {{
             const e = new DragEvent(type, {{ bubbles: true, cancelable: true, dataTransfer: data }});
             if (!e.dataTransfer) Object.defineProperty(e, 'dataTransfer', {{ value: data }});
             zone.dispatchEvent(e);
           }}
           done(null);
         }}, 'image/png');"
    );
    app.client
        .execute_async(&script, vec![])
        .await
        .expect("drop a file");
}

/// Pastes an image on the page, as Ctrl+V with a screenshot in the clipboard would.
async fn paste_image(app: &App) {
    app.client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const canvas = document.createElement('canvas');
             canvas.width = 200; canvas.height = 80;
             canvas.getContext('2d').fillRect(10, 10, 180, 60);
             canvas.toBlob((blob) => {
               const data = new DataTransfer();
               data.items.add(new File([blob], 'image.png', { type: 'image/png' }));
               const e = new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data });
               if (!e.clipboardData) Object.defineProperty(e, 'clipboardData', { value: data });
               document.body.dispatchEvent(e);
               done(null);
             }, 'image/png');",
            vec![],
        )
        .await
        .expect("paste an image");
}

/// Adds an event through the chronology's form.
async fn add_event(app: &App, date: &str, who: &str, channel: &str, summary: &str, full: &str) {
    app.click("Ajouter un événement").await;
    app.heading("Nouvel événement").await;
    app.fill("Date de l’événement", date).await;
    app.choose("Qui", who).await;
    app.choose("Par quel moyen", channel).await;
    app.fill("Résumé", summary).await;
    app.fill("Texte complet", full).await;
    app.click("Enregistrer l’événement").await;
    app.wait_for_text("Événement enregistré.").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_incident_with_its_chronology_pieces_status_and_trash() {
    let dir = data_dir();
    let dialogs = tempfile::tempdir().expect("a folder for the dialogs");
    let dialogs_path = dialogs.path().display().to_string();
    let app = App::start_with_env(dir.path(), &[(ENV_TEST_DIALOGS, &dialogs_path)]).await;
    app.create_vault_and_open(PASSPHRASE).await;

    // The journal is the open vault's first page; empty, it says why and what comes first.
    let text = app
        .wait_for_text("Aucun incident noté pour l’instant")
        .await;
    assert!(text.contains("Pour bien démarrer"), "{text}");
    app.screenshot("journal-empty-fr").await;
    app.add_platform("Amazon").await;
    app.go("Journal").await;
    app.heading("Journal des incidents").await;

    // A new incident: an amount typed the English way is refused in French, under its field.
    app.click("Noter un incident").await;
    app.heading("Nouvel incident").await;
    assert_ne!(
        app.value("Plateforme").await,
        "",
        "the only platform is chosen"
    );
    app.choose("Catégorie", "Versements retenus ou bloqués")
        .await;
    app.wait_for_text(
        "Textes souvent en jeu : P2B 4(1). Si la mesure vise un contenu dit illicite ou contraire aux conditions : DSA 17(1)(b), DSA 20, DSA 21.",
    )
        .await;
    assert_eq!(
        app.value("Mesure prise par la plateforme").await,
        "restriction"
    );
    app.fill("Titre", "Versements bloqués depuis mars").await;
    for (label, date) in [
        ("Date des faits", "02/03/2026"),
        ("Date de la notification", "02/03/2026"),
        ("Date d’effet", "02/03/2026"),
        ("Date de la décision", "02/03/2026"),
        ("Réclamation envoyée le", "05/03/2026"),
    ] {
        app.fill(label, date).await;
    }
    app.tick("Non").await;
    app.fill("Fonds retenus", "1 234,56").await;
    app.fill("Ventes perdues", "850.5").await;
    app.fill(
        "Description des faits",
        "Après notre réclamation du 5 mars, aucune réponse : les fonds restent bloqués.",
    )
    .await;
    app.fill("Ce que vous demandez", "Le versement des fonds retenus.")
        .await;
    app.fill("Mots-clés", "versements, urgent").await;
    app.click("Enregistrer l’incident").await;
    app.wait_for_text("Ventes perdues : écrivez un montant positif, par exemple 1 234,56 €.")
        .await;
    assert_eq!(app.focused_id().await, "incident-salesLost");
    app.screenshot("journal-incident-amount-refused-fr").await;
    app.fill("Ventes perdues", "850,50").await;
    app.click("Enregistrer l’incident").await;

    // Its page: the facts, amounts the French way, the checks, the checklist.
    app.heading("Versements bloqués depuis mars").await;
    let text = app.wait_for_text("Les faits").await;
    for shown in [
        "1 234,56 €",
        "850,50 €",
        "2 085,06 €",
        "2 mars 2026",
        "Motifs non reçus",
        "Aucun exposé des motifs reçu",
        "Le délai de six mois de la réclamation interne prévue par le DSA a pris fin le 2 septembre 2026 ; compté à partir du jour où vous avez été informé de la décision.",
        "Sans réponse depuis",
        "ce ne sont pas des conseils juridiques",
        "Les relevés de versements",
        "0 pièce jointe pour l’instant",
    ] {
        assert!(text.contains(shown), "{shown:?} in:\n{text}");
    }
    app.screenshot("journal-incident-fr").await;
    scroll_to(&app, "checks-title").await;
    app.screenshot("journal-checks-fr").await;

    // The chronology: two events typed in.
    add_event(
        &app,
        "02/03/2026",
        "La plateforme",
        "Par notification",
        "La plateforme retient les versements",
        "Vos versements sont suspendus pendant une vérification.",
    )
    .await;
    add_event(
        &app,
        "05/03/2026",
        "Nous",
        "Par message de l’espace vendeur",
        "Nous envoyons une réclamation",
        "Merci de débloquer nos versements.",
    )
    .await;

    // A piece through the file dialog (bypassed): a text, previewed as text.
    let statement = dialogs.path().join("releve-versements.txt");
    std::fs::write(&statement, "Relevé de mars : 1 234,56 € retenus.\n").unwrap();
    answer_open_dialog(dialogs.path(), &statement);
    app.click("Ajouter des fichiers").await;
    app.wait_for_text("1 pièce ajoutée.").await;
    let sha = app
        .eval(
            "const c = [...document.querySelectorAll('code')].map(e => e.textContent); \
             return c.find(s => /^[0-9a-f]{64}$/.test(s)) || null",
        )
        .await;
    assert!(sha.is_string(), "a SHA-256 shown: {sha}");
    app.click("Aperçu de P1").await;
    app.wait_for_text("Relevé de mars : 1 234,56 € retenus.")
        .await;
    app.click("Fermer l’aperçu").await;

    // An e-mail imported: a third event, the .eml and its attachment as pieces; its body shown
    // as text, the markup in it left as written.
    let email = dialogs.path().join("reponse-amazon.eml");
    std::fs::write(&email, EMAIL).unwrap();
    answer_open_dialog(dialogs.path(), &email);
    app.click("Importer un e-mail (.eml)").await;
    app.wait_for_text("E-mail importé dans la chronologie")
        .await;
    app.click("Aperçu de P2").await;
    let text = app.wait_for_text("<b>Les fonds restent retenus</b>").await;
    assert!(text.contains("seller-support@amazon.fr"), "{text}");
    assert!(text.contains("conditions.txt"), "{text}");
    assert!(
        !app.exists("//b[contains(., 'Les fonds restent retenus')]")
            .await,
        "no markup rendered"
    );
    app.screenshot("journal-email-preview-fr").await;
    app.click("Fermer l’aperçu").await;

    // A file dropped, an image pasted: both added, the image previewed from its bytes.
    drop_drawn_image(&app, "capture-versements.png").await;
    app.wait_for_text("1 pièce ajoutée.").await;
    let dropped = app.wait_for_text("capture-versements").await;
    assert!(dropped.contains("image/png"), "{dropped}");
    paste_image(&app).await;
    app.wait_for_text("Capture d’écran du").await;
    let last = app
        .eval("return [...document.querySelectorAll('.pieces .number')].map(e => e.textContent)")
        .await;
    let numbers: Vec<&str> = last
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(numbers, ["P1", "P2", "P3", "P4", "P5"], "numbered in order");
    app.click("Aperçu de P4").await;
    let loaded = app.find(Locator::Css(".preview img[src^='blob:']")).await;
    let width = app
        .eval_until("const i = document.querySelector('.preview img'); return i.complete ? i.naturalWidth : 0")
        .await;
    assert!(loaded.is_displayed().await.unwrap());
    assert_eq!(width.as_u64(), Some(360), "the image decoded");
    app.screenshot("journal-pieces-fr").await;
    app.click("Fermer l’aperçu").await;

    // Opening elsewhere warns first that the piece will be decrypted to a temporary file.
    app.click("Ouvrir ailleurs\u{202F}: P1, dans un autre programme")
        .await;
    app.wait_for_text("Carnet doit déchiffrer P1 dans un fichier temporaire")
        .await;
    assert_eq!(app.focused_id().await, "piece-open-confirm");
    app.click("Annuler").await;

    // The second event cites P1.
    app.click("Modifier l’événement «\u{202F}Nous envoyons une réclamation\u{202F}»")
        .await;
    app.heading("Modifier l’événement").await;
    app.tick("P1 · releve-versements").await;
    app.click("Enregistrer l’événement").await;
    let text = app.wait_for_text("Pièces : P1").await;
    assert!(text.contains("Votre réclamation n° 4471"), "{text}");
    app.screenshot("journal-timeline-fr").await;

    // The status, with its history.
    app.choose("Nouveau statut", "Réclamation envoyée").await;
    app.click("Changer le statut").await;
    app.wait_for_text("Statut changé : Réclamation envoyée.")
        .await;
    let history = app
        .eval_until("const n = document.querySelectorAll('.history li').length; return n >= 2 && n")
        .await;
    assert_eq!(history.as_u64(), Some(2));

    // The list: title, platform, category, status, date.
    app.click("Retour au journal").await;
    let text = app.wait_for_text("Versements bloqués depuis mars").await;
    for shown in [
        "Amazon",
        "Versements retenus ou bloqués",
        "Réclamation envoyée",
        "Survenu le 2 mars 2026",
    ] {
        assert!(text.contains(shown), "{shown:?} in:\n{text}");
    }
    app.screenshot("journal-list-fr").await;

    // Found again without the accents: "reclamation" finds "réclamation", marked in the
    // passage where it was found.
    app.fill("Rechercher", "reclamation").await;
    app.wait_for_text("1 incident trouvé").await;
    app.find(Locator::XPath(
        "//*[contains(@class, 'snippet')]//mark[normalize-space(.)='réclamation']",
    ))
    .await;
    app.screenshot("journal-search-fr").await;

    // The platform cannot go while the incident concerns it.
    app.go("Plateformes").await;
    app.click("Mettre à la corbeille\u{202F}: Amazon").await;
    app.wait_for_text("Des incidents concernent encore cette plateforme")
        .await;

    // To the trash and back, from the Trash page.
    app.go("Journal").await;
    app.click("Versements bloqués depuis mars").await;
    app.click("Mettre l’incident à la corbeille").await;
    app.wait_for_text("L’incident « Versements bloqués depuis mars » est dans la corbeille.")
        .await;
    app.gone("//h2//button[normalize-space(.)='Versements bloqués depuis mars']")
        .await;
    app.go("Corbeille").await;
    app.heading("Corbeille").await;
    let text = app.wait_for_text("Incident entier").await;
    assert!(text.contains("Versements bloqués depuis mars"), "{text}");
    app.screenshot("journal-trash-fr").await;
    app.click("Restaurer Versements bloqués depuis mars").await;
    app.wait_for_text("Restauré : Versements bloqués depuis mars.")
        .await;
    app.wait_for_text("La corbeille est vide.").await;
    app.go("Journal").await;
    app.click("Versements bloqués depuis mars").await;
    app.heading("Versements bloqués depuis mars").await;
    app.wait_for_text("P5").await;

    // After the trash and back, still found without the accents, with its passage; a word it
    // does not hold finds nothing.
    app.go("Journal").await;
    let text = app.wait_for_text("1 incident dans le journal").await;
    assert!(text.contains("En jeu : 2 085,06 €"), "{text}");
    app.fill("Rechercher", "reclamation").await;
    let text = app.wait_for_text("1 incident trouvé").await;
    assert!(text.contains("Versements bloqués depuis mars"), "{text}");
    app.screenshot("journal-search-after-restore-fr").await;
    app.find(Locator::XPath(
        "//*[contains(@class, 'snippet')]//mark[normalize-space(.)='réclamation']",
    ))
    .await;
    app.fill("Rechercher", "chaussettes").await;
    app.wait_for_text("Aucun incident ne correspond à cette recherche.")
        .await;
    app.click("Effacer la recherche et les filtres").await;
    app.wait_for_text("1 incident dans le journal").await;
    app.find(Locator::XPath("//summary[contains(., 'Filtres et tri')]"))
        .await
        .click()
        .await
        .expect("open the filters");
    app.choose("Statut", "Résolu").await;
    app.wait_for_text("Aucun incident ne correspond à cette recherche.")
        .await;
    app.choose("Statut", "Réclamation envoyée").await;
    app.wait_for_text("1 incident trouvé").await;

    // The dashboard: the totals, the deadlines to watch, the bars; a bar lists its incidents.
    app.go("Tableau de bord").await;
    app.heading("Tableau de bord").await;
    let text = app.wait_for_text("Délais à surveiller").await;
    for shown in [
        "Incidents notés",
        "2 085,06 €",
        "Fonds retenus : 1 234,56 €",
        "Sans réponse depuis",
        "Versements bloqués depuis mars",
        "Par plateforme",
        "Versements retenus ou bloqués",
    ] {
        assert!(text.contains(shown), "{shown:?} in:\n{text}");
    }
    let bars = app
        .eval_until("const n = document.querySelectorAll('figure svg rect.bar').length; return n >= 12 && n")
        .await;
    assert!(bars.as_u64().unwrap_or(0) >= 12, "the months drawn: {bars}");
    app.screenshot("journal-dashboard-fr").await;
    scroll_to(&app, "dashboard-platforms").await;
    app.screenshot("journal-dashboard-bars-fr").await;
    app.tick("Montant en jeu").await;
    app.wait_for_text("2 085,06 €").await;
    app.click("Amazon 2\u{202F}085,06\u{A0}€, Voir les incidents\u{202F}: Amazon")
        .await;
    app.heading("Journal des incidents").await;
    app.wait_for_text("1 incident trouvé").await;
    assert_ne!(app.value("Plateforme").await, "");
    app.go("Tableau de bord").await;
    app.click("Versements bloqués depuis mars").await;
    app.heading("Versements bloqués depuis mars").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_incident_in_english_and_in_the_dark_theme() {
    let dir = data_dir();
    let app = App::start_dark(dir.path()).await;
    app.create_vault_and_open(PASSPHRASE).await;
    app.switch_to_english().await;
    app.heading("Incident log").await;
    app.wait_for_text("No incident recorded yet").await;
    app.screenshot("journal-empty-en-dark").await;

    app.add_first_platform_en("Cdiscount").await;

    app.new_incident_en("Account suspended or terminated").await;
    app.choose(
        "Measure the platform took",
        "Termination of the whole service",
    )
    .await;
    app.fill("Title", "Account closed without notice").await;
    app.fill("Date of the notification", "01/11/2026").await;
    app.fill("Date it took effect", "10/11/2026").await;
    app.fill("Date of the decision", "10/11/2026").await;
    app.tick("No").await;
    app.fill("Funds held", "12,500.00").await;
    app.screenshot("journal-incident-form-en-dark").await;
    app.click("Save the incident").await;

    app.heading("Account closed without notice").await;
    let text = app.wait_for_text("Short termination notice: 9 days").await;
    for shown in [
        "Termination announced only 9 days before it took effect; the P2B Regulation provides for at least 30 days.",
        "Internal complaint until 1 May 2027",
        "No reasons received",
        "€12,500.00",
        "10 November 2026",
        "Evidence to gather for this category",
    ] {
        assert!(text.contains(shown), "{shown:?} in:\n{text}");
    }
    app.screenshot("journal-incident-en-dark").await;
    scroll_to(&app, "checks-title").await;
    app.screenshot("journal-checks-en-dark").await;

    app.click("Add an event").await;
    app.fill("Date of the event", "10/11/2026").await;
    app.choose("Through which channel", "By e-mail").await;
    app.fill("Summary", "The platform closes the account").await;
    app.click("Save the event").await;
    app.wait_for_text("Event saved.").await;
    scroll_to(&app, "status-title").await;
    app.screenshot("journal-timeline-en-dark").await;

    app.go("Dashboard").await;
    let text = app.wait_for_text("Deadlines to watch").await;
    assert!(text.contains("Short termination notice: 9 days"), "{text}");
    assert!(text.contains("€12,500.00"), "{text}");
    app.screenshot("journal-dashboard-en-dark").await;
    scroll_to(&app, "dashboard-platforms").await;
    app.screenshot("journal-dashboard-bars-en-dark").await;

    app.go("Incident log").await;
    app.wait_for_text("Account closed without notice").await;
    app.fill("Search", "CLOSED").await;
    app.wait_for_text("1 incident found").await;
    app.find(Locator::XPath(
        "//*[contains(@class, 'snippet')]//mark[normalize-space(.)='closed']",
    ))
    .await;
    let text = app.wait_for_text("Account suspended or terminated").await;
    assert!(text.contains("Cdiscount"), "{text}");
    app.screenshot("journal-list-en-dark").await;

    app.click("Account closed without notice").await;
    app.click("Move the incident to the trash").await;
    app.wait_for_text("The incident “Account closed without notice” is in the trash.")
        .await;
    app.go("Trash").await;
    app.wait_for_text("Whole incident").await;
    app.screenshot("journal-trash-en-dark").await;
    app.click("Delete for good: Account closed without notice")
        .await;
    app.wait_for_text("Delete “Account closed without notice” for good? This cannot be undone.")
        .await;
    app.click("Yes, delete").await;
    app.wait_for_text("Deleted for good: Account closed without notice.")
        .await;
    app.wait_for_text("The trash is empty.").await;
    app.quit().await;
}
