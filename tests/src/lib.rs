//! The end-to-end harness: starts the built Carnet binary in its real WebKitGTK webview through
//! `tauri-driver` (which drives WebKitWebDriver), each test with its own data folder, and
//! finds elements the way a user does, by their visible label or their role.
//!
//! Needs a display (`make test` runs it under `xvfb-run`), `tauri-driver` on the PATH and the
//! app built (`cargo build -p carnet`). `CARNET_APP_BIN` points at another binary if needed.
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
            "the app binary {} is missing: run `cargo build -p carnet` first",
            path.display()
        )
    })
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
        let driver = Driver { child, port };
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
    }
}

/// One running Carnet window and the data folder it uses.
pub struct App {
    pub client: Client,
    driver: Driver,
    data_dir: PathBuf,
}

impl App {
    /// Starts the app on `data_dir` and waits until its first screen is shown.
    pub async fn start(data_dir: &Path) -> App {
        Self::start_with_env(data_dir, &[]).await
    }

    pub async fn start_with_env(data_dir: &Path, env: &[(&str, &str)]) -> App {
        let driver = Driver::start(data_dir, env);
        let client = connect(driver.port).await;
        let app = App {
            client,
            driver,
            data_dir: data_dir.to_owned(),
        };
        app.find(Locator::Css("main")).await;
        app
    }

    /// Quits the app and starts it again on the same data folder.
    pub async fn restart(self) -> App {
        let data_dir = self.data_dir.clone();
        self.quit().await;
        App::start(&data_dir).await
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

    /// Writes a screenshot of the window to `target/e2e-screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = target_dir().join("e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }
}

async fn connect(port: u16) -> Client {
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
        .expect("a WebDriver session on the app")
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
    use super::xpath_literal;

    #[test]
    fn xpath_literals_survive_quotes() {
        assert_eq!(xpath_literal("Accueil"), "'Accueil'");
        assert_eq!(xpath_literal("l'état"), "\"l'état\"");
        assert_eq!(xpath_literal(r#"a'b"c"#), r#"concat('a', "'", 'b"c')"#);
    }
}
