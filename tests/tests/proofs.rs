//! Proofs in the real app: the owner turns them on in the settings and points Carnet at a
//! time-stamping authority (the test's local one: the real `openssl ts -reply` on 127.0.0.1);
//! an imported, DKIM-signed e-mail shows its verdict under its event (its key read from the
//! test's DNS table through `CARNET_TEST_DNS`, compiled only in the e2e build: no network);
//! a screenshot added then says « Horodaté le … ».

use carnet_e2e::{App, ENV_TEST_DIALOGS};

const PASSPHRASE: &str = "trois pommes vertes sous le vieux tilleul";
const INCIDENT: &str = "Compte vendeur suspendu";
/// A 1×1 RGBA PNG: a screenshot as far as the piece is concerned.
const PNG: [u8; 70] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0x60, 0xf8, 0x5f,
    0x0f, 0x00, 0x02, 0x87, 0x01, 0x80, 0xeb, 0x47, 0xba, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

fn fixtures() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/dkim")
}

fn answer_open_dialog(dialogs: &std::path::Path, file: &std::path::Path) {
    std::fs::write(dialogs.join("open.txt"), file.display().to_string()).expect("open.txt");
}

#[tokio::test(flavor = "multi_thread")]
async fn timestamps_and_a_dkim_verdict_in_the_real_app() {
    let (_tsa, url) = carnet_proof::testing::local_tsa();
    let dir = tempfile::tempdir().expect("a data folder");
    let dialogs = tempfile::tempdir().expect("a folder for the dialogs");
    let dialogs_path = dialogs.path().display().to_string();
    let dns = fixtures().join("signed.dns").display().to_string();
    let app = App::start_with_env(
        dir.path(),
        &[(ENV_TEST_DIALOGS, &dialogs_path), ("CARNET_TEST_DNS", &dns)],
    )
    .await;
    app.create_vault_and_open(PASSPHRASE).await;

    // Off until the owner says so; then the authority of their choice.
    app.go("Paramètres").await;
    app.heading("Preuves horodatées").await;
    let text = app.wait_for_text("Aucune preuve en attente.").await;
    assert!(text.contains("jamais son contenu"), "{text}");
    app.choose("Autorité d’horodatage", "Autre autorité (adresse à saisir)")
        .await;
    app.fill(
        "Adresse de l’autorité (RFC 3161, https:// ou http://)",
        "pas une adresse",
    )
    .await;
    app.click("Utiliser cette adresse").await;
    app.wait_for_text("Adresse d’autorité d’horodatage invalide")
        .await;
    app.turn_proofs_on(&url).await;
    app.screenshot("proofs-settings-fr").await;

    // An incident.
    app.add_first_platform("Marché des Créateurs", "Place de marché")
        .await;
    app.go("Journal").await;
    app.click("Noter un incident").await;
    app.choose("Catégorie", "Versements retenus ou bloqués")
        .await;
    app.fill("Titre", INCIDENT).await;
    app.fill("Date des faits", "03/12/2026").await;
    app.click("Enregistrer l’incident").await;
    app.heading(INCIDENT).await;

    // The platform's signed e-mail: its event says it is authentic, and who signed it.
    let email = dialogs.path().join("suspension.eml");
    std::fs::copy(fixtures().join("signed.eml"), &email).expect("the fixture");
    answer_open_dialog(dialogs.path(), &email);
    app.click("Importer un e-mail (.eml)").await;
    app.wait_for_text("E-mail importé dans la chronologie")
        .await;
    let text = app
        .wait_for_text("signature DKIM valide de marketplace.example, vérifiée le")
        .await;
    assert!(text.contains("E-mail authentique"), "{text}");

    // A screenshot through the file dialog: timestamped by the authority, said on the piece.
    let shot = dialogs.path().join("capture-suspension.png");
    std::fs::write(&shot, PNG).expect("the screenshot");
    answer_open_dialog(dialogs.path(), &shot);
    app.click("Ajouter des fichiers").await;
    app.wait_for_text("1 pièce ajoutée.").await;
    // The two are stamped one after the other: wait until both say so.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let text = loop {
        let text = app.wait_for_text("par Test tsa (RFC 3161)").await;
        if text.matches("Horodaté le").count() >= 2 {
            break text;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the e-mail and the screenshot: {text}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert!(!text.contains("Pas encore horodaté"), "{text}");
    app.eval("document.querySelector('.pieces li:last-child').scrollIntoView({block: 'center'}); return null")
        .await;
    app.screenshot("proofs-pieces-fr").await;
    app.quit().await;
}
