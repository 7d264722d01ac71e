//! The dossier's journeys, in the real window: a company, a platform and an incident recorded
//! through the UI, then a Médiateur dossier created, what is missing listed and fixed in place
//! (a draft box focused in the form, the company's SIRET refused then saved from the dossier
//! page, the platform's legal entity and country), the export through the save dialog's test
//! bypass (the PDF read back with pdftotext: the SIRET, the accented title), the submission
//! helper and the submission recorded (the incident moves to mediation). The same screens in
//! English and the dark theme. Screenshots land in target/e2e-screenshots/dossier-*.png.

use std::path::{Path, PathBuf};
use std::process::Command;

use carnet_e2e::fantoccini::Locator;
use carnet_e2e::{App, ENV_TEST_DIALOGS, plain_spaces, xpath_literal};

const PASSPHRASE: &str = "trois pommes vertes sous le vieux tilleul";
const SIRET: &str = "73282932000074";
const INCIDENT: &str = "Versements bloqués après l’été à Noël";

fn data_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary data folder")
}

/// Clicks the button `name` of the missing element whose sentence is `sentence`.
async fn fix(app: &App, sentence: &str, name: &str) {
    let (s, n) = (xpath_literal(sentence), xpath_literal(name));
    let button = app
        .find(Locator::XPath(&format!(
            "//li[.//span[normalize-space(translate(., '\u{202F}\u{A0}', '  '))={s}]]//button[normalize-space(.)={n}]"
        )))
        .await;
    button.click().await.expect("click the fix button");
}

/// Whether the "what is missing" list still holds this sentence.
async fn still_missing(app: &App, sentence: &str) -> bool {
    let s = xpath_literal(sentence);
    app.exists(&format!(
        "//section[@aria-labelledby='dossier-missing-title']//span[normalize-space(translate(., '\u{202F}\u{A0}', '  '))={s}]"
    ))
    .await
}

/// Waits until the sentence has left the list (the dossier read again after a fix).
async fn wait_gone(app: &App, sentence: &str) {
    let s = xpath_literal(sentence);
    app.eval_until(&format!(
        "return document.evaluate(\"count(//section[@aria-labelledby='dossier-missing-title']//span[normalize-space(translate(., '\\u202F\\u00A0', '  '))=\" + {s:?} + \"])\", document, null, XPathResult.NUMBER_TYPE, null).numberValue === 0"
    ))
    .await;
}

async fn scroll_to(app: &App, id: &str) {
    app.eval(&format!(
        "document.getElementById({id:?}).scrollIntoView({{ block: 'start' }})"
    ))
    .await;
}

/// Whether the button with this text is disabled.
async fn disabled(app: &App, name: &str) -> bool {
    app.button(name)
        .await
        .attr("disabled")
        .await
        .expect("read the attribute")
        .is_some()
}

/// The only file of `dir` ending in `suffix`.
fn only_file(dir: &Path, suffix: &str) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read the dialogs folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found.into_iter().next().unwrap()
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(out.status.success(), "pdftotext: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

/// The company without its SIRET, a named platform without its legal entity, one incident.
async fn record_journal_fr(app: &App) {
    app.go("Entreprise").await;
    app.heading("Votre entreprise").await;
    app.fill("Raison sociale", "Atelier Dupont").await;
    app.fill("Numéro et rue", "3 rue des Lilas").await;
    app.fill("Code postal", "69003").await;
    app.fill("Ville", "Lyon").await;
    app.fill("Prénom et nom", "Claire Dupont").await;
    app.fill("E-mail personnel", "claire.dupont@exemple.fr")
        .await;
    app.fill("Téléphone mobile", "06 12 34 56 78").await;
    app.click("Enregistrer le profil").await;
    app.wait_for_text("Profil enregistré.").await;

    app.add_first_platform("Marché des Créateurs", "Place de marché")
        .await;
    app.wait_for_text("Plateforme enregistrée : Marché des Créateurs.")
        .await;

    app.go("Journal").await;
    app.click("Noter un incident").await;
    app.heading("Nouvel incident").await;
    app.choose("Catégorie", "Versements retenus ou bloqués")
        .await;
    app.fill("Titre", INCIDENT).await;
    app.fill("Date des faits", "02/03/2026").await;
    app.fill("Fonds retenus", "1 234,56").await;
    app.click("Enregistrer l’incident").await;
    app.heading(INCIDENT).await;

    // The platform's notification of the hold; its message stated only what was restricted.
    app.click("Ajouter un événement").await;
    app.heading("Nouvel événement").await;
    app.fill("Date de l’événement", "02/03/2026").await;
    app.choose("Par quel moyen", "Par notification").await;
    app.fill("Résumé", "La plateforme retient les versements")
        .await;
    app.choose(
        "Décision de la plateforme enregistrée par cet événement",
        "Restriction des paiements (versements retenus)",
    )
    .await;
    app.tick("Ce qui est restreint, sa portée et sa durée (DSA 17(3)(a))")
        .await;
    app.click("Enregistrer l’événement").await;
    app.wait_for_text("Événement enregistré.").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mediateur_dossier_fixed_in_place_exported_and_sent() {
    // Proofs on, with the test's local authority: the export timestamps its manifest.
    let (_tsa, tsa_url) = carnet_proof::testing::local_tsa();
    let dir = data_dir();
    let dialogs = tempfile::tempdir().expect("a folder for the dialogs");
    let dialogs_path = dialogs.path().display().to_string();
    let app = App::start_with_env(dir.path(), &[(ENV_TEST_DIALOGS, &dialogs_path)]).await;
    app.create_vault_and_open(PASSPHRASE).await;
    app.turn_proofs_on(&tsa_url).await;
    record_journal_fr(&app).await;

    // No dossier yet: the list says what one is.
    app.go("Dossiers").await;
    app.heading("Dossiers").await;
    app.wait_for_text("Aucun dossier pour l’instant").await;
    app.screenshot("dossier-list-empty-fr").await;

    // A new Médiateur dossier, saved incomplete.
    app.click("Nouveau dossier").await;
    app.heading("Nouveau dossier").await;
    let mediateur = app.field("Médiateur des entreprises").await;
    assert!(
        mediateur.is_selected().await.unwrap(),
        "the Médiateur is chosen first"
    );
    for choice in [
        "Oui, la plateforme peut connaître l’identité de l’entreprise",
        "Non, l’identité de l’entreprise ne doit pas lui être communiquée",
    ] {
        let radio = app.field(choice).await;
        assert!(
            !radio.is_selected().await.unwrap(),
            "no identity choice made for the owner"
        );
    }
    app.wait_for_text("Versements retenus ou bloqués · Ouvert")
        .await;
    app.tick(INCIDENT).await;
    app.fill("Titre du dossier", "Fonds bloqués depuis mars")
        .await;
    let summary = "Depuis le 2 mars, la plateforme retient 1 234,56 € sans motif…";
    app.fill("Résumé", summary).await;
    // Characters as Rust counts them (code points; the vitest covers those beyond UTF-16).
    let count = summary.chars().count();
    app.wait_for_text(&format!("{count} / 400")).await;
    app.click("Ajouter une demande").await;
    app.choose("Type de demande", "Versement des fonds retenus")
        .await;
    app.fill("Précision", "Le versement des 1 234,56 € retenus.")
        .await;
    // A sollicitation (a question) rather than a saisine: no framework asked.
    app.tick("Une sollicitation\u{202F}: une question, un premier échange")
        .await;
    app.tick("Je déclare que les informations de ce dossier sont exactes")
        .await;
    app.fill("Signataire", "Claire Dupont, gérante").await;
    app.fill("Fait à", "Lyon").await;
    app.screenshot("dossier-new-form-fr").await;
    app.click("Créer le dossier").await;
    app.wait_for_text("Dossier créé.").await;

    // What the Médiateur still needs, blocking first; the export waits, and says why.
    let text = app
        .wait_for_text("Ce qui manque pour : Médiateur des entreprises")
        .await;
    for sentence in [
        "Indiquez le SIRET de l’entreprise.",
        "Indiquez la société qui exploite la plateforme (voir une facture).",
        "Cochez l’engagement de confidentialité.",
        "Choisissez si la plateforme peut savoir qui vous êtes.",
    ] {
        assert!(text.contains(sentence), "{sentence:?} in:\n{text}");
    }
    assert!(disabled(&app, "Exporter le dossier (PDF + pièces)").await);
    assert!(text.contains("Export impossible : "), "{text}");
    scroll_to(&app, "dossier-heading").await;
    app.screenshot("dossier-missing-fr").await;

    // A draft element: "Corriger" focuses its box in the form; ticked and saved.
    fix(&app, "Cochez l’engagement de confidentialité.", "Corriger").await;
    assert_eq!(app.focused_id().await, "dossier-confidentiality");
    app.tick("Je m’engage à garder confidentiels les échanges de la médiation")
        .await;
    app.tick("Non, l’identité de l’entreprise ne doit pas lui être communiquée")
        .await;
    app.wait_for_text("Modifications non enregistrées").await;
    app.click("Enregistrer le dossier").await;
    app.wait_for_text("Dossier enregistré.").await;
    wait_gone(&app, "Cochez l’engagement de confidentialité.").await;

    // The company's SIRET, in place: a wrong one refused under its input, then saved.
    fix(&app, "Indiquez le SIRET de l’entreprise.", "Corriger").await;
    app.fill("SIRET", "732 829 320 00075").await;
    app.click("Enregistrer la correction").await;
    app.wait_for_text(
        "Un numéro SIRET compte 14 chiffres, dont une clé de contrôle : vérifiez-le.",
    )
    .await;
    assert_eq!(app.focused_id().await, "fix-company_siret-c-siret");
    assert!(
        app.exists("//*[@id='fix-company_siret-c-siret-error' and @role='alert']")
            .await
    );
    app.screenshot("dossier-fix-siret-refused-fr").await;
    app.fill("SIRET", "732 829 320 00074").await;
    app.click("Enregistrer la correction").await;
    app.wait_for_text("Correction enregistrée").await;
    wait_gone(&app, "Indiquez le SIRET de l’entreprise.").await;

    // The platform's legal entity, then its country (a foreign company needs no SIRET).
    fix(
        &app,
        "Indiquez la société qui exploite la plateforme (voir une facture).",
        "Corriger",
    )
    .await;
    app.fill(
        "Raison sociale de l’exploitant",
        "Créateurs Europe S.à r.l.",
    )
    .await;
    app.click("Enregistrer la correction").await;
    wait_gone(
        &app,
        "Indiquez la société qui exploite la plateforme (voir une facture).",
    )
    .await;
    let siret_sentence = "Indiquez le SIRET de la société qui exploite la plateforme (voir une facture), ou son pays si elle n’est pas française.";
    assert!(still_missing(&app, siret_sentence).await);
    fix(&app, siret_sentence, "Corriger").await;
    app.choose("Pays de cette société", "Luxembourg").await;
    app.click("Enregistrer la correction").await;
    wait_gone(&app, siret_sentence).await;
    app.wait_for_text("Correction enregistrée").await;

    // The Médiateur needs the other party's address too.
    let address_sentence = "Indiquez l’adresse de la société qui exploite la plateforme (ses mentions légales la donnent).";
    fix(&app, address_sentence, "Corriger").await;
    app.fill(
        "Adresse de l’exploitant",
        "5 rue Plaetis, L-2338 Luxembourg",
    )
    .await;
    app.click("Enregistrer la correction").await;
    wait_gone(&app, address_sentence).await;
    let text = app.wait_for_text("Correction enregistrée").await;
    assert!(
        !text.contains("À compléter avant l’export"),
        "nothing blocks any more:\n{text}"
    );
    scroll_to(&app, "dossier-heading").await;
    app.screenshot("dossier-fixed-fr").await;

    // The export: through the dialog's bypass, its progress, then what was written.
    assert!(!disabled(&app, "Exporter le dossier (PDF + pièces)").await);
    app.click("Exporter le dossier (PDF + pièces)").await;
    let text = app.wait_for_text("Dossier exporté.").await;
    let pdf = only_file(dialogs.path(), ".pdf");
    let zip = only_file(dialogs.path(), ".zip");
    let pdf_name = pdf.file_name().unwrap().to_string_lossy().into_owned();
    let zip_name = zip.file_name().unwrap().to_string_lossy().into_owned();
    assert!(pdf_name.ends_with("-mediateur.pdf"), "{pdf_name}");
    assert!(text.contains(&pdf_name), "{text}");
    assert!(text.contains(&zip_name), "{text}");
    assert!(text.contains("Empreinte SHA-256"), "{text}");
    let listing = Command::new("zipinfo")
        .arg("-1")
        .arg(&zip)
        .output()
        .expect("zipinfo (unzip)");
    let entries = String::from_utf8_lossy(&listing.stdout).into_owned();
    for entry in ["manifest.json.tsr", "tsa/Test-tsa.pem", "VERIFIER.txt"] {
        assert!(entries.lines().any(|l| l == entry), "{entry} in {entries}");
    }
    let sha = app
        .find(Locator::Css("#dossier-export-result code"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(sha.len(), 64, "{sha}");
    assert!(sha.chars().all(|c| c.is_ascii_hexdigit()), "{sha}");
    scroll_to(&app, "dossier-export-title").await;
    app.screenshot("dossier-exported-fr").await;

    let pdf_text = pdf_text(&pdf);
    let compact: String = pdf_text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(compact.contains(SIRET), "the SIRET in:\n{pdf_text}");
    assert!(
        plain_spaces(&pdf_text).contains("Versements bloqués après l’été à Noël"),
        "the accented title in:\n{pdf_text}"
    );
    // The statement-of-reasons checker's findings, printed as grounds.
    let flat = plain_spaces(&pdf_text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for ground in [
        "Éléments manquants de l’exposé des motifs",
        "La décision n’indique pas : les faits et circonstances",
    ] {
        assert!(flat.contains(ground), "{ground:?} in:\n{flat}");
    }
    assert!(
        !flat.contains("La décision n’indique pas : ce qui est restreint"),
        "{flat}"
    );

    // The submission helper: each field's text to copy; the Médiateur has no known form.
    app.click("Préparer l’envoi").await;
    app.heading("Aide à l’envoi").await;
    let text = app.wait_for_text("Texte de chaque champ").await;
    assert!(text.contains("caractères"), "{text}");
    let copies = app
        .client
        .find_all(Locator::XPath("//button[normalize-space(.)='Copier']"))
        .await
        .unwrap();
    assert!(!copies.is_empty());
    copies[0].click().await.unwrap();
    app.eval_until(
        "const s = document.querySelector('.copied'); return s !== null && s.textContent.trim() !== ''",
    )
    .await;
    app.screenshot("dossier-submission-fr").await;
    let copied = carnet_e2e::x_clipboard();
    assert!(
        !copied.trim().is_empty(),
        "the field's text is on the clipboard"
    );

    // The submission recorded: the incident gets its event and moves to mediation.
    app.fill("Référence reçue", "MED-2026-0042").await;
    app.click("J’ai envoyé le dossier").await;
    let text = app.wait_for_text("Envoi enregistré").await;
    assert!(
        text.contains(&format!("{INCIDENT} : En médiation")),
        "{text}"
    );
    assert!(text.contains("MED-2026-0042"), "{text}");
    app.screenshot("dossier-submitted-fr").await;

    // The dossier's history, and the list's columns.
    app.click("← Retour au dossier").await;
    let text = app.wait_for_text("Historique").await;
    assert!(text.contains("Envoyé le"), "{text}");
    assert!(text.contains(&sha), "{text}");
    app.go("Dossiers").await;
    app.heading("Dossiers").await;
    let text = app.wait_for_text("Fonds bloqués depuis mars").await;
    assert!(text.contains("Médiateur des entreprises"), "{text}");
    assert!(text.contains("(MED-2026-0042)"), "{text}");
    app.screenshot("dossier-list-fr").await;

    // The incident's own page says so too.
    app.go("Journal").await;
    app.click(INCIDENT).await;
    app.heading(INCIDENT).await;
    let text = app.wait_for_text("En médiation").await;
    assert!(
        text.contains("envoyé au Médiateur des entreprises"),
        "{text}"
    );

    // A dossier goes to the trash and comes back, from the list's notice or from the trash.
    app.go("Dossiers").await;
    app.click("Fonds bloqués depuis mars").await;
    app.click("Mettre ce dossier à la corbeille").await;
    app.wait_for_text("est à la corbeille").await;
    // No longer in the list.
    app.gone("//button[normalize-space(.)='Fonds bloqués depuis mars']")
        .await;
    app.click("Restaurer le dossier").await;
    app.wait_for_text("est de retour dans la liste").await;
    app.wait_for_text("Fonds bloqués depuis mars").await;
    app.click("Fonds bloqués depuis mars").await;
    app.click("Mettre ce dossier à la corbeille").await;
    app.wait_for_text("est à la corbeille").await;
    app.go("Corbeille").await;
    let text = app.wait_for_text("Dossier préparé").await;
    assert!(text.contains("Fonds bloqués depuis mars"), "{text}");
    app.click("Restaurer").await;
    app.go("Dossiers").await;
    app.wait_for_text("Fonds bloqués depuis mars").await;

    // Locked, the text Carnet copied is no longer on the clipboard.
    app.click("Verrouiller").await;
    app.wait_for_text("Déverrouiller").await;
    let start = std::time::Instant::now();
    while carnet_e2e::x_clipboard() == copied && start.elapsed().as_secs() < 10 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_ne!(carnet_e2e::x_clipboard(), copied, "cleared at lock");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dge_dossier_in_english_and_in_the_dark_theme() {
    let dir = data_dir();
    let dialogs = tempfile::tempdir().expect("a folder for the dialogs");
    let dialogs_path = dialogs.path().display().to_string();
    let app = App::start_with_env(
        dir.path(),
        &[(ENV_TEST_DIALOGS, &dialogs_path), carnet_e2e::DARK_THEME],
    )
    .await;
    assert!(app.prefers_dark().await);
    app.create_vault_and_open(PASSPHRASE).await;
    app.switch_to_english().await;
    app.heading("Incident log").await;

    app.go("Company").await;
    app.heading("Your company").await;
    app.fill("Legal name", "Atelier Dupont").await;
    app.fill("SIRET number", SIRET).await;
    app.click("Save the profile").await;
    app.wait_for_text("Profile saved.").await;
    app.add_first_platform_en("Cdiscount").await;
    app.new_incident_en("Account suspended or terminated").await;
    app.fill("Title", "Account closed without notice").await;
    app.click("Save the incident").await;
    app.heading("Account closed without notice").await;

    app.go("Your dossiers").await;
    app.heading("Your dossiers").await;
    app.wait_for_text("No dossier yet").await;
    app.screenshot("dossier-list-empty-en-dark").await;
    app.click("New dossier").await;
    app.heading("New dossier").await;
    app.tick("Report to the DGE (consultation-plateformes)")
        .await;
    app.tick("English").await;
    app.tick("Account closed without notice").await;
    app.fill("Title of the dossier", "Account closed").await;
    app.click("Create the dossier").await;
    let text = app
        .wait_for_text("What is missing for: Report to the DGE (consultation-plateformes)")
        .await;
    for sentence in [
        "Write the summary (400 characters at most).",
        "Enter the contact person’s e-mail.",
        "Tick the accuracy declaration.",
        "Choose whether the platform may learn who you are.",
        "Enter who signs (name and role).",
    ] {
        assert!(text.contains(sentence), "{sentence:?} in:\n{text}");
    }
    assert!(text.contains("Cannot export: "), "{text}");
    scroll_to(&app, "dossier-heading").await;
    app.screenshot("dossier-missing-en-dark").await;

    // The e-mail in place; the draft's elements in the form.
    fix(&app, "Enter the contact person’s e-mail.", "Fix").await;
    app.fill("Personal e-mail", "claire@example.org").await;
    app.click("Save the fix").await;
    wait_gone(&app, "Enter the contact person’s e-mail.").await;
    fix(&app, "Write the summary (400 characters at most).", "Fix").await;
    assert_eq!(app.focused_id().await, "dossier-summary");
    let summary = "The platform closed our seller account without notice or reasons.";
    app.fill("Summary", summary).await;
    app.wait_for_text(&format!("{} / 400", summary.chars().count()))
        .await;
    app.tick("I declare that the information in this dossier is accurate")
        .await;
    app.tick("Yes, the platform may learn the company’s identity")
        .await;
    app.fill("Signatory", "Claire Dupont, manager").await;
    app.screenshot("dossier-form-en-dark").await;
    app.click("Save the dossier").await;
    app.wait_for_text("Dossier saved.").await;
    wait_gone(&app, "Enter who signs (name and role).").await;
    let text = app.page_text().await;
    assert!(!text.contains("To complete before exporting"), "{text}");

    app.click("Export the dossier (PDF + pieces)").await;
    let text = app.wait_for_text("Dossier exported.").await;
    let pdf = only_file(dialogs.path(), ".pdf");
    assert!(
        pdf.to_string_lossy().ends_with("-dge_form.pdf") || pdf.to_string_lossy().contains("dge"),
        "{pdf:?}"
    );
    assert!(text.contains("-evidence.zip"), "{text}");
    assert!(pdf_text(&pdf).contains("Account closed without notice"));
    scroll_to(&app, "dossier-export-title").await;
    app.screenshot("dossier-exported-en-dark").await;

    app.click("Prepare the submission").await;
    app.heading("Submission helper").await;
    let text = app.wait_for_text("Text of each field").await;
    assert!(text.contains("Open the online form"), "{text}");
    assert!(text.contains("characters"), "{text}");
    app.screenshot("dossier-submission-en-dark").await;
    app.fill("Reference received", "DGE-77").await;
    app.click("I have sent the dossier").await;
    let text = app.wait_for_text("Submission recorded").await;
    assert!(
        text.contains("Account closed without notice: Reported"),
        "{text}"
    );
    app.screenshot("dossier-submitted-en-dark").await;
    app.go("Your dossiers").await;
    app.wait_for_text("DGE-77").await;
    app.screenshot("dossier-list-en-dark").await;
    app.quit().await;
}
