//! The vault's journeys, in the real window: create a vault and keep its recovery key, lock
//! and unlock with the passphrase (a wrong one first), unlock with the recovery key and choose
//! a new passphrase with it, survive a restart, the settings (delay, backups, archive, new
//! passphrase), an archive imported on another "computer", and a damaged key file repaired
//! from an archive or from today's backup. Unlocking runs the real Argon2id (about half a
//! second, more after a failure), hence the harness's 15-second waits.

use carnet_e2e::fantoccini::Locator;
use carnet_e2e::{App, ENV_TEST_DIALOGS, xpath_literal};

const PASSPHRASE: &str = "pluie verte sur le quai du port 42";
const NEW_PASSPHRASE: &str = "le phare rouge veille sur trois barques";
const NNBSP: char = '\u{202F}';
const CURRENT_PASSPHRASE: &str = "Phrase de passe actuelle ou clé de secours";

fn data_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary data folder")
}

/// Creates the vault from the first-run screen and returns the recovery key it shows, after
/// ticking "kept" and continuing to the open vault's first page, the journal.
async fn create_vault(app: &App, remember: bool) -> String {
    app.heading("Bienvenue dans Carnet").await;
    app.heading("Créer mon coffre").await;
    app.fill("Phrase de passe", PASSPHRASE).await;
    app.fill("Confirmez la phrase de passe", PASSPHRASE).await;
    if remember {
        app.tick("Se souvenir de moi sur cet ordinateur").await;
    }
    app.submit_new_vault().await;
    let key = recovery_key_shown(app).await;
    let lock_button = app.button("Verrouiller").await;
    assert!(
        !lock_button.is_enabled().await.unwrap(),
        "no locking before the key is kept"
    );
    assert_eq!(
        lock_button.attr("title").await.unwrap().as_deref(),
        Some("Conservez d’abord votre clé de secours")
    );
    let next = app.button("Continuer").await;
    assert!(
        !next.is_enabled().await.unwrap(),
        "Continue waits for the box"
    );
    app.tick("J’ai conservé ma clé de secours").await;
    assert!(next.is_enabled().await.unwrap());
    next.click().await.unwrap();
    app.heading("Journal des incidents").await;
    key
}

/// The recovery key as the page shows it: 6 groups of 5 characters joined by dashes.
async fn recovery_key_shown(app: &App) -> String {
    let found = app
        .eval(
            "const m = document.body.innerText.match(/[0-9A-Z]{5}(-[0-9A-Z]{5}){5}/); \
             return m ? m[0] : null",
        )
        .await;
    let key = found
        .as_str()
        .unwrap_or_else(|| panic!("no recovery key on the page: {}", found))
        .to_owned();
    assert_eq!(key.len(), 35, "{key}");
    key
}

async fn lock(app: &App) {
    app.click("Verrouiller").await;
    app.heading("Déverrouiller le coffre").await;
}

async fn unlock_with_passphrase(app: &App, passphrase: &str) {
    app.fill("Phrase de passe", passphrase).await;
    app.click("Déverrouiller").await;
    app.heading("Journal des incidents").await;
}

/// The `aria-valuetext` of the strength meter once it has answered.
async fn strength_shown(app: &App) -> String {
    let meter = app.find(Locator::Css("[role='meter']")).await;
    meter
        .attr("aria-valuetext")
        .await
        .unwrap()
        .expect("the meter says its level")
}

#[tokio::test(flavor = "multi_thread")]
async fn create_lock_and_unlock_with_the_passphrase() {
    let dir = data_dir();
    let app = App::start(dir.path()).await;

    // The meter follows the typing: a weak passphrase first, then the real one.
    app.heading("Créer mon coffre").await;
    app.fill("Phrase de passe", "azerty").await;
    app.wait_for_text("Solidité : Très faible").await;
    app.fill("Phrase de passe", PASSPHRASE).await;
    app.wait_for_text("Assez solide pour protéger le coffre.")
        .await;
    let level = strength_shown(&app).await;
    assert!(["Forte", "Très forte"].contains(&level.as_str()), "{level}");
    let text = app.page_text().await;
    assert!(
        text.contains(&format!("Solidité{NNBSP}: {level}")),
        "French spacing: {text}"
    );
    app.screenshot("vault-create").await;

    app.fill("Confirmez la phrase de passe", PASSPHRASE).await;
    app.submit_new_vault().await;
    let key = recovery_key_shown(&app).await;
    assert!(
        !app.page_text().await.contains("trousseau"),
        "no keyring warning when not asked"
    );
    app.screenshot("vault-recovery-key").await;
    app.tick("J’ai conservé ma clé de secours").await;
    app.click("Continuer").await;
    app.heading("Journal des incidents").await;
    assert!(!app.page_text().await.contains(&key), "the key is gone");
    app.button("Paramètres").await;
    app.screenshot("vault-home").await;

    lock(&app).await;
    // No settings while locked, and nothing left to lock.
    app.gone("//nav//button[normalize-space(.)='Paramètres']")
        .await;
    app.gone("//header//button[normalize-space(.)='Verrouiller']")
        .await;
    assert_eq!(app.focused_id().await, "unlock-passphrase");

    // A wrong passphrase: the localised message, the field emptied, the focus kept.
    app.fill("Phrase de passe", "ce n’est pas la bonne").await;
    app.click("Déverrouiller").await;
    let text = app
        .wait_for_text("Ce n’est pas la bonne phrase de passe")
        .await;
    assert!(text.contains("Le coffre reste verrouillé"), "{text}");
    let field = app.field("Phrase de passe").await;
    assert_eq!(field.prop("value").await.unwrap().as_deref(), Some(""));
    assert_eq!(app.focused_id().await, "unlock-passphrase");
    assert!(
        app.exists("//*[@role='alert'][contains(., 'pas la bonne phrase')]")
            .await
    );
    app.screenshot("vault-unlock-error").await;

    unlock_with_passphrase(&app, PASSPHRASE).await;
    app.screenshot("vault-unlocked").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_forgotten_passphrase_gives_way_to_the_recovery_key() {
    let dir = data_dir();
    let app = App::start(dir.path()).await;
    let key = create_vault(&app, false).await;
    lock(&app).await;

    app.click("J’ai oublié ma phrase de passe").await;
    app.heading("Avec la clé de secours").await;
    assert_eq!(app.focused_id().await, "unlock-recovery");

    // A slip in the check characters is caught before any derivation.
    let mut mistyped = key.clone();
    let last = mistyped.pop().unwrap();
    mistyped.push(if last == '0' { '1' } else { '0' });
    app.fill("Clé de secours", &mistyped).await;
    app.click("Déverrouiller avec la clé").await;
    app.wait_for_text("Cette clé de secours contient une faute de frappe : vérifiez")
        .await;

    // Copied by hand: lower case, spaces for dashes, is read back all the same.
    let by_hand = key.to_lowercase().replace('-', " ");
    app.fill("Clé de secours", &by_hand).await;
    app.screenshot("vault-recovery-unlock").await;
    app.click("Déverrouiller avec la clé").await;
    app.heading("Journal des incidents").await;

    // The passphrase may be forgotten: the journal suggests a new one, one click away.
    let text = app
        .wait_for_text("Vous avez ouvert le coffre avec la clé de secours")
        .await;
    assert!(
        text.contains("votre clé de secours y remplace l’ancienne"),
        "{text}"
    );
    app.screenshot("vault-home-after-recovery").await;
    app.click("Choisir une nouvelle phrase de passe").await;
    app.heading("Changer de phrase de passe").await;
    assert_eq!(app.focused_id().await, "change-current");
    app.wait_for_text("Phrase de passe oubliée ? Saisissez ici votre clé de secours")
        .await;
    app.screenshot("vault-settings-to-passphrase").await;

    // The recovery key stands for the forgotten passphrase.
    change_passphrase(&app, &key, NEW_PASSPHRASE).await;
    app.screenshot("vault-settings-new-passphrase-with-key")
        .await;
    app.click("Journal").await;
    app.heading("Journal des incidents").await;
    assert!(
        !app.page_text().await.contains("clé de secours"),
        "no more suggestion once the passphrase is new"
    );

    // And back: the passphrase form is one click away; the new passphrase opens, the old not.
    lock(&app).await;
    app.click("J’ai oublié ma phrase de passe").await;
    app.click("Utiliser ma phrase de passe").await;
    app.fill("Phrase de passe", PASSPHRASE).await;
    app.click("Déverrouiller").await;
    app.wait_for_text("Ce n’est pas la bonne phrase de passe")
        .await;
    unlock_with_passphrase(&app, NEW_PASSPHRASE).await;
    assert!(!app.page_text().await.contains("clé de secours"));
    app.quit().await;
}

/// Fills the settings' "change the passphrase" form with `current` (the passphrase or the
/// recovery key) and `next`, and waits for it to be done.
async fn change_passphrase(app: &App, current: &str, next: &str) {
    app.fill(CURRENT_PASSPHRASE, current).await;
    app.fill("Nouvelle phrase de passe", next).await;
    app.fill("Confirmez la nouvelle phrase de passe", next)
        .await;
    app.click("Changer la phrase de passe").await;
    app.wait_for_text("Phrase de passe changée.").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_vault_survives_a_restart_in_both_languages() {
    let dir = data_dir();
    let app = App::start(dir.path()).await;
    create_vault(&app, false).await;

    let app = app.restart().await;
    app.heading("Déverrouiller le coffre").await;
    assert_eq!(app.focused_id().await, "unlock-passphrase");

    // The unlock screen in English, Rust's messages too.
    app.switch_to_english().await;
    app.heading("Unlock the vault").await;
    app.fill("Passphrase", "not the right one at all").await;
    app.click("Unlock").await;
    app.wait_for_text("That is not the right passphrase").await;
    app.screenshot("vault-unlock-error-en").await;
    app.switch_to_french().await;
    app.heading("Déverrouiller le coffre").await;

    unlock_with_passphrase(&app, PASSPHRASE).await;
    app.screenshot("vault-after-restart").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn remembering_without_a_keyring_warns_and_still_creates() {
    // Under xvfb-run there is no session bus, so no keyring: the vault is created anyway.
    let dir = data_dir();
    let app = App::start(dir.path()).await;
    app.heading("Créer mon coffre").await;
    app.fill("Phrase de passe", PASSPHRASE).await;
    app.fill("Confirmez la phrase de passe", PASSPHRASE).await;
    app.tick("Se souvenir de moi sur cet ordinateur").await;
    // Turning it on says who else can read the keyring (SECURITY.md).
    let caution = app
        .wait_for_text("tout programme lancé sous votre compte peut demander cette clé")
        .await;
    assert!(
        caution.contains("un trousseau dont le mot de passe est vide"),
        "{caution}"
    );
    app.submit_new_vault().await;
    let text = app
        .wait_for_text("Cet ordinateur ne pourra pas ouvrir le coffre sans saisie")
        .await;
    assert!(
        text.contains(
            "Le trousseau du système n’a pas pu garder la clé : Carnet vous demandera votre \
             phrase de passe à chaque ouverture. Vous pourrez réessayer dans les Paramètres."
        ),
        "{text}"
    );
    assert!(!text.contains("saisissez"), "Rust's unlock wording: {text}");
    assert!(
        app.exists("//*[@role='alert'][contains(., 'trousseau')]")
            .await
    );
    recovery_key_shown(&app).await;
    app.screenshot("vault-keyring-warning").await;
    app.tick("J’ai conservé ma clé de secours").await;
    app.click("Continuer").await;
    app.heading("Journal des incidents").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_delay_backups_archive_and_a_new_passphrase() {
    let dir = data_dir();
    let dialogs = tempfile::tempdir().expect("a folder for the dialogs' answers");
    let dialogs_path = dialogs.path().to_str().expect("a UTF-8 path").to_owned();
    let app = App::start_with_env(dir.path(), &[(ENV_TEST_DIALOGS, &dialogs_path)]).await;
    create_vault(&app, false).await;
    app.click("Paramètres").await;
    app.heading("Paramètres").await;
    app.screenshot("vault-settings-top").await;

    // The delay: Rust's message for a value out of range, then a saved one.
    app.fill("Délai, en minutes (de 1 à 240)", "0").await;
    app.click("Enregistrer le délai").await;
    app.wait_for_text("Le délai de verrouillage doit aller de 1 à 240 minutes.")
        .await;
    app.fill("Délai, en minutes (de 1 à 240)", "5").await;
    app.click("Enregistrer le délai").await;
    app.wait_for_text("Délai enregistré : 5 min.").await;

    // Today's backup is taken in the background when the vault opens: wait for it.
    let mut found = false;
    for _ in 0..20 {
        if app
            .exists("//ul//li[contains(., 'Quotidienne')]//button[normalize-space(.)='Restaurer']")
            .await
        {
            found = true;
            break;
        }
        app.click("Journal").await;
        app.click("Paramètres").await;
        app.heading("Paramètres").await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    assert!(found, "today's backup is listed");
    app.click("Restaurer").await;
    let text = app
        .wait_for_text("Remettre le coffre tel qu’il était le")
        .await;
    assert!(text.contains("« Avant restauration »"), "{text}");
    app.screenshot("vault-settings-restore-confirm").await;
    app.click("Oui, restaurer").await;
    app.wait_for_text("Le coffre a été remis dans son état du")
        .await;
    app.wait_for_text("Avant restauration").await;

    // The archive goes where the (bypassed) save dialog says.
    app.click("Exporter une archive chiffrée").await;
    let text = app.wait_for_text("Archive enregistrée : carnet-").await;
    let archive = std::fs::read_dir(dialogs.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "carnet"))
        .expect("the archive was written");
    let name = archive.file_name().unwrap().to_str().unwrap();
    assert!(text.contains(name), "{text}");

    // A new passphrase: a wrong current one first.
    app.fill(CURRENT_PASSPHRASE, "pas celle-ci du tout").await;
    app.fill("Nouvelle phrase de passe", NEW_PASSPHRASE).await;
    app.fill("Confirmez la nouvelle phrase de passe", NEW_PASSPHRASE)
        .await;
    app.click("Changer la phrase de passe").await;
    app.wait_for_text("Ce n’est pas la bonne phrase de passe")
        .await;
    assert_eq!(app.focused_id().await, "change-current");
    change_passphrase(&app, PASSPHRASE, NEW_PASSPHRASE).await;
    app.screenshot("vault-settings").await;

    // A new recovery key, asked with the current passphrase; the key shown then opens the
    // vault (the one given at creation no longer does: shown by the shell's tests).
    app.go("Paramètres").await;
    app.fill("Phrase de passe actuelle, pour confirmer", NEW_PASSPHRASE)
        .await;
    app.click("Créer une nouvelle clé de secours").await;
    app.wait_for_text("Nouvelle clé de secours créée").await;
    let new_key = recovery_key_shown(&app).await;
    app.click("J’ai noté la nouvelle clé").await;

    lock(&app).await;
    app.click("J’ai oublié ma phrase de passe").await;
    app.fill("Clé de secours", &new_key).await;
    app.click("Déverrouiller avec la clé").await;
    app.heading("Journal des incidents").await;
    lock(&app).await;
    unlock_with_passphrase(&app, NEW_PASSPHRASE).await;
    app.quit().await;

    // Another computer: a fresh data folder, the archive opened with the passphrase it had.
    let elsewhere = data_dir();
    std::fs::write(dialogs.path().join("open.txt"), archive.to_str().unwrap()).unwrap();
    let app = App::start_with_env(elsewhere.path(), &[(ENV_TEST_DIALOGS, &dialogs_path)]).await;
    app.heading("Bienvenue dans Carnet").await;
    app.click("Restaurer depuis une archive").await;
    app.tick("Sa phrase de passe").await;
    app.fill("Phrase de passe du coffre archivé", "une autre phrase")
        .await;
    app.click("Choisir l’archive et restaurer").await;
    app.wait_for_text("Ce n’est pas la bonne phrase de passe")
        .await;
    app.fill("Phrase de passe du coffre archivé", PASSPHRASE)
        .await;
    app.screenshot("vault-import").await;
    app.click("Choisir l’archive et restaurer").await;
    app.heading("Journal des incidents").await;
    app.quit().await;
}

/// Exports an archive from the settings (the save dialog bypassed into `dialogs`) and returns
/// its path.
async fn export_archive(app: &App, dialogs: &std::path::Path) -> std::path::PathBuf {
    app.click("Paramètres").await;
    app.heading("Archive chiffrée").await;
    app.click("Exporter une archive chiffrée").await;
    app.wait_for_text("Archive enregistrée : carnet-").await;
    std::fs::read_dir(dialogs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "carnet"))
        .expect("the archive was written")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_key_file_is_said_and_repaired_from_an_archive() {
    let dir = data_dir();
    let dialogs = tempfile::tempdir().expect("a folder for the dialogs' answers");
    let dialogs_path = dialogs.path().to_str().expect("a UTF-8 path").to_owned();
    let app = App::start_with_env(dir.path(), &[(ENV_TEST_DIALOGS, &dialogs_path)]).await;
    create_vault(&app, false).await;
    let archive = export_archive(&app, dialogs.path()).await;
    let key_file = app.data_dir().join("vault.key");

    // The key file damaged while Carnet is closed: the unlock screen says so, in an alert.
    app.click("Verrouiller").await;
    app.heading("Déverrouiller le coffre").await;
    std::fs::write(&key_file, b"{ not a key file").unwrap();
    let app = app.restart().await;
    app.heading("Déverrouiller le coffre").await;
    let text = app
        .wait_for_text("Le coffre ne peut pas s’ouvrir normalement")
        .await;
    assert!(
        text.contains("Le fichier de clés du coffre est absent ou abîmé"),
        "{text}"
    );
    assert!(
        app.exists("//*[@role='alert'][contains(., 'fichier de clés')]")
            .await
    );
    assert_eq!(app.focused_id().await, "unlock-passphrase");
    app.screenshot("vault-problem").await;

    // The archive is the way out, so its form is already unfolded; it brings the vault back.
    let unfold = app.button("Restaurer depuis une archive").await;
    assert_eq!(
        unfold.attr("aria-expanded").await.unwrap().as_deref(),
        Some("true")
    );
    app.wait_for_text("Le coffre de l’archive remplace le coffre actuel")
        .await;
    std::fs::write(dialogs.path().join("open.txt"), archive.to_str().unwrap()).unwrap();
    app.fill("Phrase de passe du coffre archivé", PASSPHRASE)
        .await;
    app.click("Choisir l’archive et restaurer").await;
    app.heading("Journal des incidents").await;
    app.wait_for_text("Archive restaurée : le coffre est ouvert.")
        .await;

    lock(&app).await;
    unlock_with_passphrase(&app, PASSPHRASE).await;
    app.quit().await;
}

/// Waits until the backup taken in the background when the vault first opened is on disk, and
/// returns its name (`daily-YYYY-MM-DD`, the local day).
async fn todays_backup(app: &App) -> String {
    let dir = app.data_dir().join("backups");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let daily = std::fs::read_dir(&dir).ok().and_then(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .find(|name| name.starts_with("daily-"))
        });
        if let Some(name) = daily {
            return name;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no daily backup in {}",
            dir.display()
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

/// A day `YYYY-MM-DD` as the French screens write it: `1er mars 2026`, `26 novembre 2026`.
fn french_date(day: &str) -> String {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let parts: Vec<usize> = day
        .split('-')
        .map(|p| p.parse().expect("a number"))
        .collect();
    let [year, month, d] = parts[..] else {
        panic!("not a day: {day}")
    };
    let d = if d == 1 {
        "1er".to_owned()
    } else {
        d.to_string()
    };
    format!("{d} {} {year}", MONTHS[month - 1])
}

#[test]
fn french_dates_as_the_screens_write_them() {
    assert_eq!(french_date("2026-03-01"), "1er mars 2026");
    assert_eq!(french_date("2026-11-26"), "26 novembre 2026");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_key_file_is_repaired_from_todays_backup_with_the_recovery_key() {
    let dir = data_dir();
    let app = App::start(dir.path()).await;
    let key = create_vault(&app, false).await;
    let backup = todays_backup(&app).await;
    let day = french_date(backup.trim_start_matches("daily-"));

    // Locked, with nothing wrong: the backups wait, folded, under the unlock form.
    lock(&app).await;
    let unfold = app.button("Restaurer une sauvegarde").await;
    assert_eq!(
        unfold.attr("aria-expanded").await.unwrap().as_deref(),
        Some("false")
    );
    unfold.click().await.unwrap();
    app.heading("Sauvegardes").await;
    assert_eq!(app.focused_id().await, "unlock-backups-title");
    app.screenshot("vault-unlock-backups").await;
    let row = format!(
        "//ul//li[contains(., {}) and contains(., 'Quotidienne')]//button[normalize-space(.)='Restaurer']",
        xpath_literal(&day)
    );
    app.find(Locator::XPath(&row)).await;

    // The key file damaged while Carnet is closed: the backups are unfolded at once.
    std::fs::write(app.data_dir().join("vault.key"), b"{ not a key file").unwrap();
    let app = app.restart().await;
    app.heading("Déverrouiller le coffre").await;
    app.wait_for_text("Le fichier de clés du coffre est absent ou abîmé")
        .await;
    let unfold = app.button("Restaurer une sauvegarde").await;
    assert_eq!(
        unfold.attr("aria-expanded").await.unwrap().as_deref(),
        Some("true")
    );
    app.button("Restaurer depuis une archive").await;
    assert_eq!(app.focused_id().await, "unlock-passphrase");
    app.find(Locator::XPath(&row)).await;
    app.screenshot("vault-problem-backups").await;

    // The same in English: the list's dates and kinds, the disclosure, Rust's message.
    app.switch_to_english().await;
    app.heading("Backups").await;
    app.wait_for_text("Restore a backup").await;
    // Rust's message is asked again in the new language: waited for, not read at once.
    app.wait_for_text("The vault’s key file is missing or damaged")
        .await;
    let english_day = app
        .eval("return [...document.querySelectorAll('li')].map(l => l.innerText).join('|')")
        .await;
    let english_day = english_day.as_str().unwrap();
    assert!(english_day.contains("Daily"), "{english_day}");
    app.screenshot("vault-problem-backups-en").await;
    app.switch_to_french().await;
    app.heading("Sauvegardes").await;

    // Restoring asks to confirm, and for a secret: a wrong passphrase first.
    app.click("Restaurer").await;
    let text = app
        .wait_for_text(&format!("Remettre le coffre tel qu’il était le {day} ?"))
        .await;
    assert!(text.contains("Ce qui ouvre le coffre"), "{text}");
    let focused = app
        .eval_until(
            "const e = document.activeElement; return e.type === 'radio' && e.type + ':' + e.value",
        )
        .await;
    assert_eq!(
        focused, "radio:passphrase",
        "the focus is on the first choice"
    );
    app.fill("Phrase de passe du coffre", "ce n’est pas elle")
        .await;
    app.click("Oui, restaurer").await;
    app.wait_for_text("Ce n’est pas la bonne phrase de passe (ou clé de secours).")
        .await;
    let field = app.field("Phrase de passe du coffre").await;
    assert_eq!(field.prop("value").await.unwrap().as_deref(), Some(""));
    assert_eq!(
        app.focused_id().await,
        format!("unlock-backup-secret-{backup}-passphrase")
    );
    assert!(
        app.exists("//*[@role='group']//*[@role='alert'][contains(., 'pas la bonne')]")
            .await
    );
    app.screenshot("vault-restore-locked-error").await;

    // The recovery key opens the backup's own key file.
    app.tick("Ma clé de secours").await;
    app.fill("Clé de secours du coffre", &key).await;
    app.screenshot("vault-restore-locked").await;
    app.click("Oui, restaurer").await;
    app.heading("Journal des incidents").await;
    let text = app
        .wait_for_text(&format!("Le coffre a été remis dans son état du {day}."))
        .await;
    assert!(
        text.contains("Vous avez ouvert le coffre avec la clé de secours"),
        "{text}"
    );
    app.screenshot("vault-restored-home").await;

    // The damaged files were kept aside, and the restored key file opens with the passphrase.
    let kept_aside = std::fs::read_dir(app.data_dir().join("backups"))
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().into_string().ok())
        .any(|name| name.starts_with("restore-"));
    assert!(kept_aside, "a \"before restore\" backup");
    lock(&app).await;
    assert!(
        !app.page_text().await.contains("absent ou abîmé"),
        "the problem is gone"
    );
    unlock_with_passphrase(&app, PASSPHRASE).await;
    assert!(!app.page_text().await.contains("clé de secours"));
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_vault_locks_itself_after_the_delay() {
    let dir = data_dir();
    let app = App::start(dir.path()).await;
    create_vault(&app, false).await;
    app.click("Paramètres").await;
    app.fill("Délai, en minutes (de 1 à 240)", "1").await;
    app.click("Enregistrer le délai").await;
    app.wait_for_text("Délai enregistré : 1 min.").await;

    // No key press, no click: Rust locks within a minute and 15 seconds and tells the page.
    let text = app
        .wait_for_text_within(
            "Le coffre s’est verrouillé de lui-même : après un moment sans activité",
            std::time::Duration::from_secs(100),
        )
        .await;
    assert!(text.contains("Déverrouiller le coffre"), "{text}");
    app.gone("//nav//button[normalize-space(.)='Paramètres']")
        .await;
    app.screenshot("vault-auto-locked").await;
    unlock_with_passphrase(&app, PASSPHRASE).await;
    app.quit().await;
}
