//! The application menu's shortcuts, pressed as the owner would: real X key events (xdotool,
//! under Xvfb) reach the window, whose GTK accelerators are the menu's, which sends the `menu`
//! event the page acts on. Ctrl+N opens the new-incident form, Ctrl+E the dossiers, Ctrl+F the
//! journal, Ctrl+L locks. (WebDriver's own key actions go to the
//! page directly and never reach GTK's accelerators; the native menu cannot be clicked through
//! WebDriver; its labels per language are tested in Rust, src-tauri/src/menu.rs.)

use carnet_e2e::{App, x_keys};

const PASSPHRASE: &str = "pluie verte sur le quai du port 42";

/// Ctrl+`letter` typed on the X keyboard (the menu's accelerators are GTK's).
fn shortcut(letter: char) {
    x_keys(&[&format!("ctrl+{letter}")]);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_menus_shortcuts_lead_where_they_say() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.create_vault_and_open(PASSPHRASE).await;

    shortcut('n');
    app.heading("Nouvel incident").await;
    app.screenshot("menu-new-incident").await;

    shortcut('e');
    app.heading("Dossiers").await;

    // Search leads back to the journal (an empty one shows its first steps, not yet the search
    // box that Ctrl+F focuses once there are incidents: ui/src/lib/menu.ts).
    shortcut('f');
    app.heading("Journal des incidents").await;

    // The deadline notifications' switch, on by default, turned off and kept so.
    app.go("Paramètres").await;
    app.heading("Notifications des délais").await;
    assert!(notifications_on(&app).await);
    app.tick("Me prévenir des délais urgents").await;
    app.eval_until(
        "return document.getElementById('notifications-enabled')?.checked === false && \
         !document.getElementById('notifications-enabled').disabled || null",
    )
    .await;
    app.screenshot("settings-notifications-off").await;
    let settings: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(app.data_dir().join("settings.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(settings["notifications"], false);

    shortcut('l');
    app.heading("Déverrouiller le coffre").await;
    app.quit().await;
}

/// Edit → the `n`th clipboard entry (1 Cut, 2 Copy, 3 Paste, 4 Select all), chosen in the
/// menu bar with the keyboard as a user without a mouse would: F10 opens File, Right moves to
/// Edit, Down walks its entries, Return chooses.
fn edit_menu(n: usize) {
    let mut k = vec!["F10", "Right"];
    k.extend(std::iter::repeat_n("Down", n));
    k.push("Return");
    x_keys(&k);
}

/// The Edit menu's Cut, Copy, Paste and Select all act on the focused field (on Linux they did
/// nothing: GTK's stock items never reached WebKit's editor).
#[tokio::test(flavor = "multi_thread")]
async fn the_edit_menu_cuts_copies_and_pastes_in_the_focused_field() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.create_vault_and_open(PASSPHRASE).await;
    shortcut('n');
    app.heading("Nouvel incident").await;
    let title = app.field("Titre").await;
    title.click().await.unwrap();
    title.send_keys("Compte suspendu").await.unwrap();

    edit_menu(4); // Select all
    edit_menu(1); // Cut
    app.eval_until("return document.activeElement?.value === '' || null")
        .await;
    edit_menu(3); // Paste
    edit_menu(3); // Paste again
    app.eval_until(
        "return document.activeElement?.value === 'Compte suspenduCompte suspendu' || null",
    )
    .await;
    app.quit().await;
}

async fn notifications_on(app: &App) -> bool {
    app.eval_until("return document.getElementById('notifications-enabled')?.checked ?? null")
        .await
        == serde_json::json!(true)
}
