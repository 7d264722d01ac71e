//! Help: what the About box shows, and the diagnostic information copied for a bug report
//! (versions, system, language — never a record, a path or a name of the owner).

use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;

use crate::error::IpcError;
use crate::state::AppState;

/// What the About box shows besides its fixed texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct About {
    pub version: String,
    pub licence: String,
}

#[tauri::command]
pub fn app_about() -> About {
    About {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        licence: env!("CARGO_PKG_LICENSE").to_owned(),
    }
}

/// Puts the diagnostic information on the clipboard and returns it (the page shows what was
/// copied).
#[tauri::command]
pub fn diagnostics_copy(app: AppHandle, state: State<'_, AppState>) -> String {
    let text = diagnostics(
        state.locale().tag(),
        &std::fs::read_to_string("/etc/os-release").unwrap_or_default(),
        std::env::var("LANG").ok().as_deref(),
    );
    crate::clipboard::set(&app, text.clone());
    text
}

/// Puts a text of the page (a form field's text of the submission helper) on the clipboard;
/// it is cleared when the vault locks if it is still there.
#[tauri::command]
pub fn clipboard_copy(
    app: AppHandle,
    state: State<'_, AppState>,
    text: String,
) -> Result<(), IpcError> {
    state.touch();
    state.clipboard_copy(text, |t| crate::clipboard::set(&app, t))
}

/// The text itself, from what is read outside (kept apart so a test can feed it).
pub fn diagnostics(interface: &str, os_release: &str, lang: Option<&str>) -> String {
    let os = os_name(os_release).unwrap_or_else(|| std::env::consts::OS.to_owned());
    let system_language = lang.map(plain).filter(|l| !l.is_empty());
    format!(
        "Carnet {}\nTauri {}\nWebKitGTK {}\nOS: {os} ({})\nArchitecture: {}\nLanguage: {interface}{}\n",
        env!("CARGO_PKG_VERSION"),
        tauri::VERSION,
        webkit_version(),
        std::env::consts::FAMILY,
        std::env::consts::ARCH,
        system_language
            .map(|l| format!(" (system: {l})"))
            .unwrap_or_default(),
    )
}

/// PRETTY_NAME (or NAME and VERSION) from os-release, as plain characters.
fn os_name(os_release: &str) -> Option<String> {
    let field = |key: &str| {
        os_release.lines().find_map(|line| {
            let value = line.strip_prefix(key)?.strip_prefix('=')?;
            Some(plain(value.trim().trim_matches('"')))
        })
    };
    field("PRETTY_NAME").filter(|s| !s.is_empty()).or_else(|| {
        Some(format!(
            "{} {}",
            field("NAME")?,
            field("VERSION").unwrap_or_default()
        ))
    })
}

/// Letters, digits and a few signs only, at most 64 of them: nothing else is copied.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || " ._-()@/+".contains(*c))
        .take(64)
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(target_os = "linux")]
fn webkit_version() -> String {
    // SAFETY: these three functions only read constants of the loaded WebKitGTK library.
    let (major, minor, micro) = unsafe {
        (
            webkit2gtk::ffi::webkit_get_major_version(),
            webkit2gtk::ffi::webkit_get_minor_version(),
            webkit2gtk::ffi::webkit_get_micro_version(),
        )
    };
    format!("{major}.{minor}.{micro}")
}

#[cfg(not(target_os = "linux"))]
fn webkit_version() -> String {
    "-".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEBIAN: &str = "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"13\"\n";

    #[test]
    fn the_text_names_versions_system_and_language() {
        let text = diagnostics("fr", DEBIAN, Some("fr_FR.UTF-8"));
        assert!(text.starts_with(&format!("Carnet {}\n", env!("CARGO_PKG_VERSION"))));
        assert!(text.contains(&format!("Tauri {}\n", tauri::VERSION)));
        assert!(text.contains("OS: Debian GNU/Linux 13 (trixie)"));
        assert!(text.contains(&format!("Architecture: {}", std::env::consts::ARCH)));
        assert!(text.contains("Language: fr (system: fr_FR.UTF-8)"));
        let webkit = text
            .lines()
            .find_map(|l| l.strip_prefix("WebKitGTK "))
            .unwrap();
        #[cfg(target_os = "linux")]
        assert!(webkit.starts_with("2."), "{webkit}");
        let _ = webkit;
        // Without os-release: the OS's family name; without LANG: nothing about it.
        let bare = diagnostics("en", "", None);
        assert!(bare.contains(&format!("OS: {}", std::env::consts::OS)));
        assert!(bare.contains("Language: en\n"));
    }

    #[tokio::test]
    async fn the_text_holds_no_path_and_no_record_of_the_owner() {
        // A real state with an open vault holding a company: nothing of it, nor of the data
        // folder or the home folder, reaches the text.
        let (dir, state) = crate::test_host::opened().await;
        state
            .company_save(carnet_core::journal::company::CompanyInput {
                legal_name: "Maroquinerie Zéphyrine".into(),
                ..crate::test_host::company()
            })
            .await
            .unwrap();
        let release = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
        for text in [
            diagnostics(
                state.locale().tag(),
                &release,
                std::env::var("LANG").ok().as_deref(),
            ),
            diagnostics("fr", DEBIAN, Some("fr_FR;rm -rf ~/$HOME")),
        ] {
            let folder = dir.path().display().to_string();
            assert!(!text.contains(&folder) && !text.contains(".tmp"), "{text}");
            for record in [
                "Zéphyrine",
                "732 829",
                "Tanneurs",
                "Claire",
                "claire@",
                "06 12",
            ] {
                assert!(!text.contains(record), "{record} in {text}");
            }
            assert!(
                !text.contains(';') && !text.contains('~') && !text.contains('$'),
                "{text}"
            );
            if let Some(home) = std::env::var_os("HOME").filter(|h| h.len() > 1) {
                assert!(!text.contains(&*home.to_string_lossy()), "{text}");
            }
        }
        state.vault_lock().await;
    }
}
