//! How the window's WebKitGTK view is set up on Linux, for an app of forms and documents
//! rather than a browser: the **document-viewer cache model** (no back/forward page cache,
//! small resource caches), since the app has one page and its assets come from the binary.
//!
//! Tried and left out: turning GPU compositing off (`HardwareAccelerationPolicy::Never`) saves
//! about 110 MiB in WebKit's web process under Xvfb (Mesa's software rasteriser is not loaded),
//! but then the view stops producing frames until something outside it changes: a WebDriver
//! screenshot waited ten minutes, for the auto-lock to repaint the page.

use tauri::WebviewWindow;

/// Applies the settings above to the window's view. A failure to reach the view leaves
/// WebKit's defaults (the app works the same, with more memory).
pub fn tune(window: &WebviewWindow) {
    #[cfg(target_os = "linux")]
    {
        let tuned = window.with_webview(|view| {
            use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
            if let Some(context) = view.inner().context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
        });
        if tuned.is_err() {
            log::warn!("webview settings not applied");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
