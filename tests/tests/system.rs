//! The app and its system: the vault locks when logind says the computer goes to sleep. The
//! signal is sent on a private D-Bus (`CARNET_SLEEP_BUS`), as logind would on the system bus.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use carnet_e2e::App;

const PASSPHRASE: &str = "pluie verte sur le quai du port 42";

struct PrivateBus(std::process::Child, String);

impl PrivateBus {
    fn start() -> Self {
        let mut child = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon");
        let mut address = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        PrivateBus(child, address.trim().to_owned())
    }

    fn signal(&self, path: &str, member: &str, args: &[&str]) {
        let status = Command::new("dbus-send")
            .arg(format!("--bus={}", self.1))
            .args(["--type=signal", path, member])
            .args(args)
            .status()
            .expect("dbus-send");
        assert!(status.success());
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_vault_locks_when_the_computer_goes_to_sleep() {
    let bus = PrivateBus::start();
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_with_env(dir.path(), &[("CARNET_SLEEP_BUS", &bus.1)]).await;
    app.heading("Créer mon coffre").await;
    app.fill("Phrase de passe", PASSPHRASE).await;
    app.fill("Confirmez la phrase de passe", PASSPHRASE).await;
    app.submit_new_vault().await;
    app.tick("J’ai conservé ma clé de secours").await;
    app.click("Continuer").await;
    app.heading("Journal des incidents").await;

    // Waking up locks nothing; going to sleep locks.
    let login1 = "/org/freedesktop/login1";
    bus.signal(
        login1,
        "org.freedesktop.login1.Manager.PrepareForSleep",
        &["boolean:false"],
    );
    bus.signal(
        login1,
        "org.freedesktop.login1.Manager.PrepareForSleep",
        &["boolean:true"],
    );
    app.heading("Déverrouiller le coffre").await;
    app.screenshot("system-locked-on-sleep").await;

    // The screen locking does it too.
    app.fill("Phrase de passe", PASSPHRASE).await;
    app.click("Déverrouiller").await;
    app.heading("Journal des incidents").await;
    bus.signal(
        "/org/freedesktop/login1/session/_31",
        "org.freedesktop.login1.Session.Lock",
        &[],
    );
    app.heading("Déverrouiller le coffre").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_log_tells_the_apps_life_and_nothing_personal() {
    const MARKER: &str = "MARQUEURPERSONNEL";
    let passphrase = format!("{MARKER} sur le quai du port 42");
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.heading("Créer mon coffre").await;
    app.fill("Phrase de passe", &passphrase).await;
    app.fill("Confirmez la phrase de passe", &passphrase).await;
    app.submit_new_vault().await;
    app.tick("J’ai conservé ma clé de secours").await;
    app.click("Continuer").await;
    app.heading("Journal des incidents").await;
    app.click("Verrouiller").await;
    app.fill("Phrase de passe", &format!("{MARKER} mauvaise"))
        .await;
    app.click("Déverrouiller").await;
    app.wait_for_text("Ce n’est pas la bonne phrase de passe")
        .await;
    app.quit().await;

    let logs = dir.path().join("logs");
    let mut text = String::new();
    for entry in std::fs::read_dir(&logs).expect("a log folder") {
        text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    assert!(
        text.contains("vault opened"),
        "the log tells the app's life:\n{text}"
    );
    assert!(
        text.contains("WrongSecret"),
        "and the refusals by code:\n{text}"
    );
    assert!(!text.contains(MARKER), "no personal data:\n{text}");
    assert!(
        !text.contains(dir.path().to_str().unwrap()),
        "no path:\n{text}"
    );
}
