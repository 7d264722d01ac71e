//! The end-to-end harness: starts the built Carnet binary in its real WebKitGTK webview through
//! `tauri-driver` (which drives WebKitWebDriver), each test with its own data folder, and
//! finds elements the way a user does, by their visible label or their role.
//!
//! Needs a display (`make test` runs it under `xvfb-run`), `tauri-driver` on the PATH and the
//! app built (`make app`: `cargo build -p carnet --features test-dialogs`). `CARNET_APP_BIN` points at another binary if needed.
//!
//! Native file dialogs cannot be driven by WebDriver: the app reads the environment variable
//! [`ENV_TEST_DIALOGS`] (tests only; documented in the README) to bypass them.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

pub use fantoccini;

/// Reserved for the tests: when set, the app answers its native file dialogs from this value
/// instead of opening them. See the README's "Tests" section.
pub const ENV_TEST_DIALOGS: &str = "CARNET_TEST_DIALOGS";

const WAIT: Duration = Duration::from_secs(15);

/// The environment that starts the webview in the dark theme: WebKitGTK answers
/// `prefers-color-scheme: dark` when GTK runs a dark theme variant. See [`App::start_dark`].
pub const DARK_THEME: (&str, &str) = ("GTK_THEME", "Adwaita:dark");

/// The workspace's `target/` folder (or `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"),
    }
}

/// The app binary under test.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("CARNET_APP_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug/carnet"));
    std::fs::canonicalize(&path).unwrap_or_else(|_| {
        panic!(
            "the app binary {} is missing: run `make app` (cargo build -p carnet --features test-dialogs) first",
            path.display()
        )
    })
}

/// Carnet's visible window on the X display (waits for it to appear, up to 30 s).
pub fn x_window() -> String {
    let found = std::process::Command::new("timeout")
        .args([
            "30",
            "xdotool",
            "search",
            "--sync",
            "--onlyvisible",
            "--name",
            "^Carnet$",
        ])
        .output()
        .expect("xdotool (make deps installs it)");
    String::from_utf8_lossy(&found.stdout)
        .lines()
        .next()
        .expect("Carnet's window")
        .to_owned()
}

/// Keys pressed on the X keyboard, in order (xdotool names: `ctrl+q`, `Return`, `F10`), the
/// pointer over Carnet's window so it has the focus. WebDriver's own key actions go to the
/// page and never reach GTK (its menu and accelerators): these do.
pub fn x_keys(keys: &[&str]) {
    let window = x_window();
    let status = std::process::Command::new("xdotool")
        .args(["mousemove", "--window", &window, "300", "300"])
        .args(["key", "--clearmodifiers", "--delay", "150"])
        .args(keys)
        .status()
        .unwrap();
    assert!(status.success());
}

/// WebDriver's Tab key.
pub const KEY_TAB: &str = "\u{E004}";
/// WebDriver's Enter key.
pub const KEY_ENTER: &str = "\u{E007}";
/// WebDriver's Escape key.
pub const KEY_ESCAPE: &str = "\u{E00C}";
/// WebDriver's Space key.
pub const KEY_SPACE: &str = "\u{E00D}";

/// What the X clipboard holds (`xclip`), empty when it holds no text.
pub fn x_clipboard() -> String {
    let out = std::process::Command::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .output()
        .expect("xclip (make deps installs it)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text typed on the X keyboard into whatever has the focus in Carnet's window.
pub fn x_type(text: &str) {
    let window = x_window();
    let status = std::process::Command::new("xdotool")
        .args(["mousemove", "--window", &window, "300", "300"])
        .args(["type", "--delay", "5", text])
        .status()
        .unwrap();
    assert!(status.success());
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// A `tauri-driver` process, stopped with SIGTERM on drop (SIGKILL would orphan
/// WebKitWebDriver, which then holds the test's output pipe open).
struct Driver {
    child: Child,
    port: u16,
    data_dir: PathBuf,
}

impl Driver {
    fn start(data_dir: &Path, extra_env: &[(&str, &str)]) -> Driver {
        let (port, native_port) = (free_port(), free_port());
        let mut command = Command::new("tauri-driver");
        command
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .env("CARNET_DATA_DIR", data_dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        for (k, v) in extra_env {
            command.env(k, v);
        }
        let child = command
            .spawn()
            .expect("tauri-driver on the PATH (make deps installs it)");
        let driver = Driver {
            child,
            port,
            data_dir: data_dir.to_owned(),
        };
        let deadline = Instant::now() + WAIT;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
        // The window normally closes with the WebDriver session. Once in a while it does not
        // (seen in a clean-clone run: the app idle in its event loop, orphaned, so the next
        // start on the same folder met the single-instance guard and the test hung): whatever
        // is left on this data folder is asked to end, then made to.
        end_apps_on(&self.data_dir);
    }
}

/// The Carnet processes started on `data_dir` (their `CARNET_DATA_DIR`), read from /proc.
fn apps_on(data_dir: &Path) -> Vec<String> {
    let wanted = format!("CARNET_DATA_DIR={}", data_dir.display()).into_bytes();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|pid| pid.bytes().all(|b| b.is_ascii_digit()))
        .filter(|pid| {
            let is_carnet = std::fs::read_link(format!("/proc/{pid}/exe"))
                .is_ok_and(|exe| exe.to_string_lossy().contains("/carnet"));
            is_carnet
                && std::fs::read(format!("/proc/{pid}/environ"))
                    .is_ok_and(|env| env.split(|b| *b == 0).any(|v| v == wanted.as_slice()))
        })
        .collect()
}

/// Waits up to 5 s for the apps on `data_dir` to end, then sends SIGTERM, then SIGKILL.
fn end_apps_on(data_dir: &Path) {
    for signal in [None, Some("-TERM"), Some("-KILL")] {
        let left = apps_on(data_dir);
        if left.is_empty() {
            return;
        }
        if let Some(signal) = signal {
            eprintln!("a Carnet window outlived its session: kill {signal} {left:?}");
            let _ = Command::new("kill").arg(signal).args(&left).status();
        }
        for _ in 0..50 {
            if apps_on(data_dir).is_empty() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// One running Carnet window and the data folder it uses.
pub struct App {
    pub client: Client,
    driver: Driver,
    data_dir: PathBuf,
    env: Vec<(String, String)>,
}

impl App {
    /// Starts the app on `data_dir` and waits until its first screen is shown.
    pub async fn start(data_dir: &Path) -> App {
        Self::start_with_env(data_dir, &[]).await
    }

    pub async fn start_with_env(data_dir: &Path, env: &[(&str, &str)]) -> App {
        // tauri-driver sometimes drops the very first request (its WebKitWebDriver not ready,
        // or a port taken between `free_port` and its bind): a fresh driver gets a second try.
        let mut attempt = 1;
        let (driver, client) = loop {
            let driver = Driver::start(data_dir, env);
            match connect(driver.port).await {
                Ok(client) => break (driver, client),
                Err(e) if attempt < 3 => {
                    eprintln!("WebDriver session refused ({e}); starting tauri-driver again");
                    drop(driver);
                    attempt += 1;
                }
                Err(e) => panic!("a WebDriver session on the app: {e}"),
            }
        };
        let app = App {
            client,
            driver,
            data_dir: data_dir.to_owned(),
            env: env
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        };
        app.find(Locator::Css("main")).await;
        app
    }

    /// Starts the app in the dark theme (see [`DARK_THEME`]) and checks that the page sees it.
    pub async fn start_dark(data_dir: &Path) -> App {
        let app = Self::start_with_env(data_dir, &[DARK_THEME]).await;
        assert!(
            app.prefers_dark().await,
            "the webview did not take the dark theme from {DARK_THEME:?}"
        );
        app
    }

    /// Whether the page is in the dark colour scheme (`prefers-color-scheme: dark`).
    pub async fn prefers_dark(&self) -> bool {
        self.eval("return window.matchMedia('(prefers-color-scheme: dark)').matches")
            .await
            .as_bool()
            .expect("a boolean")
    }

    /// Quits the app and starts it again on the same data folder (and environment).
    pub async fn restart(self) -> App {
        let data_dir = self.data_dir.clone();
        let env = self.env.clone();
        self.quit().await;
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        App::start_with_env(&data_dir, &env).await
    }

    pub async fn quit(self) {
        let App { client, driver, .. } = self;
        client.close().await.expect("close the session");
        drop(driver);
    }

    /// Waits for the element, failing the test with the locator if it never comes.
    pub async fn find(&self, locator: Locator<'_>) -> Element {
        let description = format!("{locator:?}");
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(locator)
            .await
            .unwrap_or_else(|e| panic!("not found: {description}: {e}"))
    }

    /// A button by its visible text or accessible name.
    pub async fn button(&self, name: &str) -> Element {
        let q = xpath_literal(name);
        self.find(Locator::XPath(&format!(
            "//button[normalize-space(.)={q} or @aria-label={q}]"
        )))
        .await
    }

    /// A button inside the group with the given accessible name (`role="group"`).
    pub async fn button_in_group(&self, group: &str, name: &str) -> Element {
        let (g, q) = (xpath_literal(group), xpath_literal(name));
        self.find(Locator::XPath(&format!(
            "//*[@role='group' and @aria-label={g}]//button[normalize-space(.)={q}]"
        )))
        .await
    }

    /// A heading (h1–h3) with exactly this visible text.
    pub async fn heading(&self, text: &str) -> Element {
        let q = xpath_literal(text);
        self.find(Locator::XPath(&format!(
            "//*[self::h1 or self::h2 or self::h3][normalize-space(.)={q}]"
        )))
        .await
    }

    /// A landmark by role and accessible name (`nav` with `aria-label`, say).
    pub async fn navigation(&self, name: &str) -> Element {
        let q = xpath_literal(name);
        self.find(Locator::XPath(&format!("//nav[@aria-label={q}]")))
            .await
    }

    /// The input (or select, or textarea) labelled `label`: by the label's `for`, or nested
    /// inside the label.
    pub async fn field(&self, label: &str) -> Element {
        self.find(Locator::XPath(&field_xpath(label))).await
    }

    /// Types `text` into the field labelled `label`, replacing what it held (an empty `text`
    /// just empties it).
    pub async fn fill(&self, label: &str, text: &str) {
        let field = self.field(label).await;
        field.clear().await.expect("clear the field");
        // WebDriver's clear fires no `input` event, which the page's bindings listen to: a
        // space typed and erased tells them the field is empty.
        let keys = if text.is_empty() { " \u{E003}" } else { text };
        field.send_keys(keys).await.expect("type in the field");
    }

    /// Chooses the option shown as `option` in the select labelled `label`.
    pub async fn choose(&self, label: &str, option: &str) {
        self.field(label)
            .await
            .select_by_label(option)
            .await
            .unwrap_or_else(|e| panic!("choose {option:?} in {label:?}: {e}"));
    }

    /// The current value of the input, select or text area labelled `label`.
    pub async fn value(&self, label: &str) -> String {
        self.field(label)
            .await
            .prop("value")
            .await
            .expect("read the value")
            .unwrap_or_default()
    }

    /// Clicks the checkbox or radio button labelled `label`, once it stays in place (a box
    /// below a field whose hint changes as it is typed in moves after the typing).
    pub async fn tick(&self, label: &str) {
        click_still(self.field(label).await).await;
    }

    /// Plateformes, « Ajouter une plateforme »: a platform with just its name, saved (French
    /// screens).
    pub async fn add_platform(&self, name: &str) {
        self.go("Plateformes").await;
        self.click("Ajouter une plateforme").await;
        self.fill("Nom de la plateforme", name).await;
        self.click("Enregistrer la plateforme").await;
        self.wait_for_text("Plateforme enregistrée").await;
    }

    /// Clicks « English » in the header's « Langue » group (from French screens).
    pub async fn switch_to_english(&self) {
        self.button_in_group("Langue", "English")
            .await
            .click()
            .await
            .unwrap();
    }

    /// Clicks « Français » in the header's « Language » group (from English screens).
    pub async fn switch_to_french(&self) {
        self.button_in_group("Language", "Français")
            .await
            .click()
            .await
            .unwrap();
    }

    /// Plateformes, still empty: the first platform, `name` of service type `kind`, saved (French).
    pub async fn add_first_platform(&self, name: &str, kind: &str) {
        self.go("Plateformes").await;
        self.heading("Vos plateformes").await;
        self.wait_for_text("Aucune plateforme pour l’instant").await;
        self.click("Ajouter une plateforme").await;
        self.heading("Nouvelle plateforme").await;
        self.fill("Nom de la plateforme", name).await;
        self.choose("Type de service", kind).await;
        self.click("Enregistrer la plateforme").await;
        self.wait_for_text("Plateforme enregistrée").await;
    }

    /// Platforms, still empty: the first platform, with just its name, saved (English screens).
    pub async fn add_first_platform_en(&self, name: &str) {
        self.go("Platforms").await;
        self.heading("Your platforms").await;
        self.wait_for_text("No platform yet").await;
        self.click("Add a platform").await;
        self.heading("New platform").await;
        self.fill("Platform name", name).await;
        self.click("Save the platform").await;
        self.wait_for_text(&format!("Platform saved: {name}."))
            .await;
    }

    /// Incident log, « Record an incident »: the new incident's form, `category` chosen (English).
    pub async fn new_incident_en(&self, category: &str) {
        self.go("Incident log").await;
        self.click("Record an incident").await;
        self.heading("New incident").await;
        self.choose("Category", category).await;
    }

    /// Settings, « Preuves horodatées »: the authority at `url` (typed as the owner's own),
    /// then proofs turned on (French screens).
    pub async fn turn_proofs_on(&self, url: &str) {
        self.go("Paramètres").await;
        self.heading("Preuves horodatées").await;
        self.choose("Autorité d’horodatage", "Autre autorité (adresse à saisir)")
            .await;
        self.fill("Adresse de l’autorité (RFC 3161, https:// ou http://)", url)
            .await;
        self.click("Utiliser cette adresse").await;
        self.tick(
            "Horodater mes pièces et vérifier mes e-mails (seules les empreintes sont envoyées)",
        )
        .await;
        self.eval_until(
            "return document.getElementById('proofs-enabled')?.checked === true || null",
        )
        .await;
    }

    /// The focused element's accessible name as a screen reader would start it: its
    /// `aria-label`, else its label's text, else its own text; empty when nothing has the focus.
    pub async fn focused_name(&self) -> String {
        let v = self
            .eval(
                "const e = document.activeElement; \
                 if (!e || e === document.body) return ''; \
                 const clean = (s) => (s || '').replace(/\\s+/g, ' ').trim(); \
                 if (e.getAttribute('aria-label')) return clean(e.getAttribute('aria-label')); \
                 if (e.labels && e.labels.length) return clean(e.labels[0].textContent); \
                 return clean(e.textContent);",
            )
            .await;
        v.as_str().unwrap_or_default().to_owned()
    }

    /// Whether the focused element shows it has the focus (an outline or a ring).
    pub async fn focus_is_visible(&self) -> bool {
        self.eval(
            "const e = document.activeElement; if (!e || e === document.body) return false; \
             const s = getComputedStyle(e); \
             return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) \
               || (s.boxShadow && s.boxShadow !== 'none');",
        )
        .await
        .as_bool()
        .unwrap_or(false)
    }

    /// Keys sent to whatever has the focus (WebDriver's key actions: `\u{E004}` is Tab,
    /// `\u{E007}` Enter, `\u{E00C}` Escape, `\u{E00D}` Space).
    pub async fn keys(&self, keys: &str) {
        self.client
            .active_element()
            .await
            .expect("an element has the focus")
            .send_keys(keys)
            .await
            .expect("type on the focused element");
    }

    /// Presses Tab until the element named `name` has the focus (at most 150 times), checking
    /// on the way that every focused element shows its focus. Panics if it is never reached.
    pub async fn tab_to(&self, name: &str) {
        let mut seen = Vec::new();
        for _ in 0..150 {
            self.keys(KEY_TAB).await;
            let now = self.focused_name().await;
            if !now.is_empty() {
                assert!(
                    self.focus_is_visible().await,
                    "the focus on {now:?} cannot be seen"
                );
            }
            if plain_spaces(&now) == plain_spaces(name) {
                return;
            }
            seen.push(now);
        }
        panic!("Tab never reached {name:?}; it went through {seen:?}");
    }

    /// Clicks the button with this visible text, once it stays in place (a page whose notice
    /// or hint changes after the last step moves it: a click aimed before lands elsewhere).
    pub async fn click(&self, button: &str) {
        click_still(self.button(button).await).await;
    }

    /// Whether an element matching this XPath is in the page now (no waiting).
    pub async fn exists(&self, xpath: &str) -> bool {
        !self
            .client
            .find_all(Locator::XPath(xpath))
            .await
            .expect("search the page")
            .is_empty()
    }

    /// Waits until nothing in the page matches this XPath (what an action removes: a list
    /// refreshes a moment after its notice shows); fails with the page text if it stays.
    pub async fn gone(&self, xpath: &str) {
        let deadline = Instant::now() + WAIT;
        while self.exists(xpath).await {
            assert!(
                Instant::now() < deadline,
                "still in the page: {xpath}\n{}",
                self.page_text().await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the page's visible text contains `needle`, no-break spaces (French
    /// typography) read as plain spaces; fails with the page text if it never does.
    pub async fn wait_for_text(&self, needle: &str) -> String {
        self.wait_for_text_within(needle, WAIT).await
    }

    /// [`App::wait_for_text`], for something slower than the usual wait (a timer in the app).
    pub async fn wait_for_text_within(&self, needle: &str, limit: Duration) -> String {
        let deadline = Instant::now() + limit;
        loop {
            let text = plain_spaces(&self.page_text().await);
            if text.contains(needle) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "text not found: {needle:?} in:\n{text}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// The folder the app keeps its data in (the test's temporary folder).
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The `id` of the focused element (empty when none has an id).
    pub async fn focused_id(&self) -> String {
        match self
            .eval("return document.activeElement ? document.activeElement.id : ''")
            .await
        {
            serde_json::Value::String(id) => id,
            other => panic!("focused element: {other}"),
        }
    }

    /// The whole visible text of the page, exactly as rendered (WebDriver's own element text
    /// turns no-break spaces into plain ones, which would hide French typography).
    pub async fn page_text(&self) -> String {
        match self.eval("return document.body.innerText").await {
            serde_json::Value::String(text) => text,
            other => panic!("page text: {other}"),
        }
    }

    /// Runs a script in the page and returns its value.
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("script runs")
    }

    /// Clicks "Créer mon coffre" and waits for the recovery key. The click waits until the
    /// button stops moving (the strength verdict arrives after the typing and changes the
    /// form's height: a click aimed before lands beside the button, and WebKitWebDriver
    /// reports no error); if the form is still there, idle, five seconds later, it clicks
    /// again. Then up to 90 s for the key derivation (calibrated to the machine: a loaded one
    /// takes several times longer), stopping at once on a refusal, with its words.
    pub async fn submit_new_vault(&self) {
        let create = "//button[@type='submit' and normalize-space(.)='Créer mon coffre']";
        self.click_when_still(create).await;
        let shown =
            "//*[self::h1 or self::h2 or self::h3][normalize-space(.)='Votre clé de secours']";
        // Counted in rounds, not read off a clock that a loaded machine may make jump.
        let mut rounds = 0;
        while !self.exists(shown).await {
            if self
                .exists(
                    "//*[@role='alert' and not(contains(concat(' ', @class, ' '), ' warning '))]",
                )
                .await
            {
                panic!("vault creation refused: {}", self.page_text().await);
            }
            rounds += 1;
            if rounds % 25 == 0 {
                let idle = match self.client.find(Locator::XPath(create)).await {
                    Ok(button) => button.is_enabled().await.unwrap_or(false),
                    Err(_) => false,
                };
                if idle {
                    eprintln!("the click on \"Créer mon coffre\" was lost: clicking again");
                    self.click_when_still(create).await;
                }
            }
            assert!(
                rounds < 450,
                "no recovery key after 90 s: {}",
                self.page_text().await
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Clicks the element at `xpath` once its place on the page has stayed the same for
    /// 200 ms (a layout still changing makes WebDriver's click land elsewhere).
    pub async fn click_when_still(&self, xpath: &str) {
        click_still(self.find(Locator::XPath(xpath)).await).await;
    }

    /// Creates a vault from the first-run screen (French) with `passphrase`, confirms the
    /// recovery key was kept and continues to the open vault's journal.
    pub async fn create_vault_and_open(&self, passphrase: &str) {
        self.heading("Créer mon coffre").await;
        self.fill("Phrase de passe", passphrase).await;
        self.fill("Confirmez la phrase de passe", passphrase).await;
        self.submit_new_vault().await;
        self.tick("J’ai conservé ma clé de secours").await;
        self.click("Continuer").await;
        self.heading("Journal des incidents").await;
    }

    /// Opens a page from the main navigation by its visible name.
    pub async fn go(&self, item: &str) {
        let q = xpath_literal(item);
        self.find(Locator::XPath(&format!(
            "//nav//button[normalize-space(.)={q}]"
        )))
        .await
        .click()
        .await
        .expect("click the navigation item");
    }

    /// Runs `script` until it returns something other than `null`, `false` or `0` (an image
    /// decoded, a list grown) and returns that; fails with the last value if it never does.
    pub async fn eval_until(&self, script: &str) -> serde_json::Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let value = self.eval(script).await;
            let settled = match &value {
                serde_json::Value::Null | serde_json::Value::Bool(false) => false,
                serde_json::Value::Number(n) => n.as_f64() != Some(0.0),
                _ => true,
            };
            if settled {
                return value;
            }
            assert!(Instant::now() < deadline, "{script} stayed {value}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Writes a screenshot of the window to `target/e2e-screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        // Two animation frames first: a page just changed is painted before it is captured
        // (otherwise WebKit may hand back the previous frame).
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
                vec![],
            )
            .await
            .expect("wait for the page to be painted");
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = target_dir().join("e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }
}

/// One accessibility rule that axe-core found broken on a page.
#[derive(Debug, Clone)]
pub struct AxeViolation {
    /// The rule (`color-contrast`, `label`…).
    pub id: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: String,
    /// What the rule asks for, in axe's words.
    pub help: String,
    /// CSS selectors of the first elements at fault.
    pub targets: Vec<String>,
}

/// The packaged axe-core of the UI's dev dependencies (`ui/node_modules/axe-core/axe.min.js`,
/// installed by `npm ci`): read at test time, never copied into the repository.
pub fn axe_source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is missing at {} ({e}): run `npm ci` in ui/",
            path.display()
        )
    })
}

impl App {
    /// Runs axe-core (injected through WebDriver on first use) on the whole page as it is now
    /// and returns every violation; [`App::audit`] is the usual entry point.
    pub async fn axe(&self) -> Vec<AxeViolation> {
        if self.eval("return typeof window.axe").await != "object" {
            let script = format!("{}\n;return typeof window.axe;", axe_source());
            let loaded = self
                .client
                .execute(&script, vec![])
                .await
                .expect("inject axe-core");
            assert_eq!(loaded, "object", "axe-core did not load in the page");
        }
        let found = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 window.axe.run(document, { resultTypes: ['violations'] }).then(
                   (r) => done(r.violations.map((v) => ({
                     id: v.id, impact: v.impact || 'minor', help: v.help,
                     targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
                   }))),
                   (e) => done({ error: String(e) }));",
                vec![],
            )
            .await
            .expect("run axe-core");
        let list = found
            .as_array()
            .unwrap_or_else(|| panic!("axe-core failed: {found}"));
        list.iter()
            .map(|v| AxeViolation {
                id: v["id"].as_str().unwrap_or_default().to_owned(),
                impact: v["impact"].as_str().unwrap_or_default().to_owned(),
                help: v["help"].as_str().unwrap_or_default().to_owned(),
                targets: v["targets"]
                    .as_array()
                    .map(|t| {
                        t.iter()
                            .filter_map(|x| x.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// Audits the page named `name` with axe-core: fails on any serious or critical
    /// violation; the minor and moderate ones are appended to
    /// `target/e2e-screenshots/axe-minor.txt` (and returned) so the note can list them.
    pub async fn audit(&self, name: &str) -> Vec<AxeViolation> {
        let found = self.axe().await;
        let (grave, minor): (Vec<_>, Vec<_>) = found
            .into_iter()
            .partition(|v| v.impact == "serious" || v.impact == "critical");
        if !minor.is_empty() {
            use std::io::Write;
            let dir = target_dir().join("e2e-screenshots");
            std::fs::create_dir_all(&dir).expect("screenshot folder");
            let mut log = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(dir.join("axe-minor.txt"))
                .expect("axe log");
            for v in &minor {
                let _ = writeln!(
                    log,
                    "{name}\t{}\t{}\t{}\t{:?}",
                    v.impact, v.id, v.help, v.targets
                );
            }
        }
        if !grave.is_empty() {
            self.screenshot(&format!("axe-{name}")).await;
        }
        assert!(
            grave.is_empty(),
            "axe-core on {name}: serious or critical violations:\n{grave:#?}"
        );
        minor
    }
}

async fn connect(port: u16) -> Result<Client, fantoccini::error::NewSessionError> {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "tauri:options".into(),
        serde_json::json!({ "application": app_binary() }),
    );
    caps.insert("browserName".into(), "wry".into());
    ClientBuilder::native()
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
}

/// Clicks `element` once its place on the page has stayed the same for 200 ms.
async fn click_still(element: Element) {
    let mut last = element.rectangle().await.ok();
    for _ in 0..25 {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let now = element.rectangle().await.ok();
        if now == last {
            break;
        }
        last = now;
    }
    element.click().await.expect("click");
}

/// The XPath of the form control labelled `label` (`<label for>` or a control inside it).
pub fn field_xpath(label: &str) -> String {
    let q = xpath_literal(label);
    let control = "self::input or self::select or self::textarea";
    format!(
        "//*[({control}) and @id=//label[normalize-space(.)={q}]/@for] \
         | //label[normalize-space(.)={q}]//*[{control}]"
    )
}

/// Text with its no-break spaces (U+00A0, U+202F) made plain, for comparisons.
pub fn plain_spaces(text: &str) -> String {
    text.replace(['\u{A0}', '\u{202F}'], " ")
}

/// An XPath string literal for any text, quotes included.
pub fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else if !s.contains('"') {
        format!("\"{s}\"")
    } else {
        let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

#[cfg(test)]
mod tests {
    use super::{plain_spaces, xpath_literal};

    #[test]
    fn no_break_spaces_read_as_plain_spaces() {
        assert_eq!(
            plain_spaces("Délai enregistré\u{202F}: 5\u{A0}min."),
            "Délai enregistré : 5 min."
        );
    }

    #[test]
    fn xpath_literals_survive_quotes() {
        assert_eq!(xpath_literal("Accueil"), "'Accueil'");
        assert_eq!(xpath_literal("l'état"), "\"l'état\"");
        assert_eq!(xpath_literal(r#"a'b"c"#), r#"concat('a', "'", 'b"c')"#);
    }
}
