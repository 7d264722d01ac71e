//! How the window's WebKitGTK view is set up on Linux, for an app of forms and documents
//! rather than a browser (measured with `make bench-app`, a 10,000-incident vault open):
//!
//! - **no GPU compositing** (`HardwareAccelerationPolicy::Never`): WebKit otherwise sets up
//!   OpenGL in its web process, which on a machine without a GPU driver (Xvfb, many VMs) means
//!   Mesa's software rasteriser loaded into it — about 110 MiB more resident memory for nothing
//!   this interface needs (it has no animation or canvas worth a GPU);
//! - **the document-viewer cache model**: no back/forward page cache and small resource caches,
//!   since the app has one page and its assets come from the binary.

use tauri::WebviewWindow;

/// Applies the settings above to the window's view. A failure to reach the view leaves
/// WebKit's defaults (the app works the same, with more memory).
pub fn tune(window: &WebviewWindow) {
    #[cfg(target_os = "linux")]
    {
        let tuned = window.with_webview(|view| {
            use webkit2gtk::{
                CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
            };
            let view = view.inner();
            if let Some(settings) = WebViewExt::settings(&view) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
            if let Some(context) = view.context() {
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
