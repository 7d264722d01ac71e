//! The clipboard, for the texts Carnet copies (the submission helper's fields, the
//! diagnostics): written through GTK by Rust, and cleared when the vault locks if it still
//! holds what Carnet put there — a dossier's text must not outlive the open vault in the
//! clipboard. Only the SHA-256 of the copied text is remembered, never the text.

use std::sync::Mutex;

use sha2::{Digest, Sha256};
use tauri::AppHandle;

/// The longest text a command may put on the clipboard (a form field's text is far shorter).
pub const MAX_CHARS: usize = 100_000;

/// What Carnet last put on the clipboard, as a fingerprint.
#[derive(Default)]
pub struct Copied(Mutex<Option<[u8; 32]>>);

fn fingerprint(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

impl Copied {
    /// Remembers `text` as Carnet's.
    pub fn remember(&self, text: &str) {
        *crate::sync::lock(&self.0) = Some(fingerprint(text));
    }

    /// Whether the clipboard's `current` text is the one Carnet put there (then forgotten).
    pub fn take_if_ours(&self, current: Option<&str>) -> bool {
        let mut slot = crate::sync::lock(&self.0);
        let ours = matches!((current, *slot), (Some(c), Some(f)) if fingerprint(c) == f);
        if ours || current.is_none() {
            *slot = None;
        }
        ours
    }
}

/// Puts `text` on the system clipboard (GTK's clipboard belongs to the main thread).
#[cfg(target_os = "linux")]
pub fn set(app: &AppHandle, text: String) {
    let _ = app.run_on_main_thread(move || {
        let clipboard = gtk::Clipboard::get(&gtk::gdk::SELECTION_CLIPBOARD);
        clipboard.set_text(&text);
        clipboard.store();
    });
}

#[cfg(not(target_os = "linux"))]
pub fn set(_app: &AppHandle, _text: String) {}

/// Empties the clipboard if `is_ours` says it still holds Carnet's last text (called as the
/// vault locks, with [`Copied::take_if_ours`]).
#[cfg(target_os = "linux")]
pub fn clear_if_ours(app: &AppHandle, is_ours: impl FnOnce(Option<&str>) -> bool + Send + 'static) {
    let _ = app.run_on_main_thread(move || {
        let clipboard = gtk::Clipboard::get(&gtk::gdk::SELECTION_CLIPBOARD);
        let current = clipboard.wait_for_text().map(|t| t.to_string());
        if is_ours(current.as_deref()) {
            clipboard.set_text("");
            clipboard.store();
            log::info!("clipboard cleared at lock");
        }
    });
}

#[cfg(not(target_os = "linux"))]
pub fn clear_if_ours(
    _app: &AppHandle,
    _is_ours: impl FnOnce(Option<&str>) -> bool + Send + 'static,
) {
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_carnets_own_text_is_cleared() {
        let copied = Copied::default();
        assert!(!copied.take_if_ours(Some("anything")), "nothing copied yet");
        copied.remember("Objet : suspension du compte");
        assert!(!copied.take_if_ours(Some("the owner copied something else since")));
        copied.remember("Objet : suspension du compte");
        assert!(copied.take_if_ours(Some("Objet : suspension du compte")));
        assert!(
            !copied.take_if_ours(Some("Objet : suspension du compte")),
            "once"
        );
        copied.remember("x");
        assert!(
            !copied.take_if_ours(None),
            "an empty clipboard is left alone"
        );
        assert!(!copied.take_if_ours(Some("x")), "and the memory goes");
    }
}
