//! First journeys: the app opens on the French welcome page (the first-run screen, no vault
//! yet), switches to English, and keeps the choice across a restart. Each test has its own
//! data folder.

use carnet_e2e::App;

const NNBSP: char = '\u{202F}';

fn data_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary data folder")
}

#[tokio::test(flavor = "multi_thread")]
async fn opens_on_the_french_welcome_page() {
    let dir = data_dir();
    let app = App::start(dir.path()).await;

    app.heading("Bienvenue dans Carnet").await;
    app.navigation("Navigation principale").await;
    app.button("Accueil").await;
    assert!(
        !app.exists("//header//button[normalize-space(.)='Verrouiller']")
            .await,
        "no vault to lock yet, so no lock button"
    );
    assert!(
        !app.exists("//nav//button[normalize-space(.)='Paramètres']")
            .await,
        "the settings wait for an open vault"
    );
    assert_eq!(app.eval("return document.documentElement.lang").await, "fr");
    let text = app.page_text().await;
    assert!(text.contains("26 novembre 2026"), "{text}");
    assert!(text.contains(&format!("1{NNBSP}234,56\u{A0}€")), "{text}");
    assert!(
        text.contains(&format!("plateforme{NNBSP}:")),
        "French spacing: {text}"
    );
    let pressed = app.button_in_group("Langue", "Français").await;
    assert_eq!(
        pressed.attr("aria-pressed").await.unwrap().as_deref(),
        Some("true")
    );

    app.screenshot("welcome-fr").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn switching_to_english_changes_the_visible_texts() {
    let dir = data_dir();
    let app = App::start(dir.path()).await;

    app.switch_to_english().await;

    app.heading("Welcome to Carnet").await;
    app.navigation("Main navigation").await;
    app.heading("Create my vault").await;
    app.button("Home").await;
    assert_eq!(app.eval("return document.documentElement.lang").await, "en");
    let text = app.page_text().await;
    assert!(!text.contains("Bienvenue"), "{text}");
    assert!(text.contains("26 November 2026"), "{text}");
    assert!(text.contains("€1,234.56"), "{text}");

    app.screenshot("welcome-en").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_language_choice_survives_a_restart() {
    let dir = data_dir();
    let app = App::start(dir.path()).await;
    app.switch_to_english().await;
    app.heading("Welcome to Carnet").await;

    let app = app.restart().await;
    app.heading("Welcome to Carnet").await;
    // Back to French from the header, and that choice survives too.
    app.switch_to_french().await;
    app.heading("Bienvenue dans Carnet").await;

    let app = app.restart().await;
    app.heading("Bienvenue dans Carnet").await;
    app.screenshot("restart-fr").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_carnet_on_the_same_data_folder_stays_out() {
    let dir = data_dir();
    let app = App::start(dir.path()).await;
    app.heading("Bienvenue dans Carnet").await;

    let mut second = std::process::Command::new(carnet_e2e::app_binary())
        .env("CARNET_DATA_DIR", dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start a second Carnet");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = second.kill();
            panic!("the second Carnet did not step aside");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert_eq!(status.code(), Some(3), "the 'already open' exit status");
    // The first one is untouched and still answers.
    app.switch_to_english().await;
    app.heading("Welcome to Carnet").await;
    app.quit().await;
}
