//! Pieces of evidence: added through the dialog, as bytes (drop, paste) or from an e-mail;
//! edited, deleted, restored, previewed, opened in another program.

use carnet_core::journal::piece::{Piece, PieceInput, Preview};
use carnet_core::{CoreError, Field};
use tauri::ipc::{InvokeBody, Request, Response};
use tauri::{AppHandle, State};

use crate::dialogs;
use crate::error::IpcError;
use crate::flows::evidence::{Content, EmailImported, raw_headers};
use crate::ipc::OpenedExternally;
use crate::state::AppState;

const EMAIL_FILTER: (&str, &[&str]) = ("E-mail", &["eml"]);

/// Asks for files and adds them as pieces. `null` when the owner cancels the dialog.
#[tauri::command]
pub async fn pieces_add(
    app: AppHandle,
    state: State<'_, AppState>,
    incident_id: i64,
) -> Result<Option<Vec<Piece>>, IpcError> {
    state.touch();
    let Some(paths) = dialogs::open_many(&app, None).await else {
        return Ok(None);
    };
    state.pieces_add_files(incident_id, &paths).await.map(Some)
}

/// Adds a piece from bytes: a raw body (the bytes) with the headers `x-incident-id`,
/// `x-name` (%-encoded) and `x-media-type`; or a JSON body
/// `{ incidentId, name, mediaType?, base64 }`.
#[tauri::command]
pub async fn piece_add_bytes(
    state: State<'_, AppState>,
    request: Request<'_>,
) -> Result<Piece, IpcError> {
    state.touch();
    let bad = || state.err(CoreError::Invalid(Field::PieceContent));
    match request.body() {
        InvokeBody::Raw(bytes) => {
            let headers = request.headers();
            let get = |k: &str| {
                headers
                    .get(k)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            };
            let (id, name, media_type) = raw_headers(get).ok_or_else(bad)?;
            state
                .piece_add_bytes(id, &name, media_type.as_deref(), Content::Bytes(bytes))
                .await
        }
        InvokeBody::Json(json) => {
            let id = json
                .get("incidentId")
                .and_then(|v| v.as_i64())
                .ok_or_else(bad)?;
            let name = json.get("name").and_then(|v| v.as_str()).unwrap_or("");
            let media_type = json.get("mediaType").and_then(|v| v.as_str());
            let base64 = json
                .get("base64")
                .and_then(|v| v.as_str())
                .ok_or_else(bad)?;
            state
                .piece_add_bytes(id, name, media_type, Content::Base64(base64))
                .await
        }
    }
}

/// Asks for an `.eml` file and imports it. `null` when the owner cancels the dialog.
#[tauri::command]
pub async fn email_import(
    app: AppHandle,
    state: State<'_, AppState>,
    incident_id: i64,
    actor: Option<String>,
) -> Result<Option<EmailImported>, IpcError> {
    state.touch();
    let Some(path) = dialogs::open(&app, EMAIL_FILTER).await else {
        return Ok(None);
    };
    state
        .email_import(incident_id, &path, actor)
        .await
        .map(Some)
}

#[tauri::command]
pub async fn piece_save(state: State<'_, AppState>, input: PieceInput) -> Result<Piece, IpcError> {
    state.touch();
    state.piece_save(input).await
}

#[tauri::command]
pub async fn piece_delete(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.touch();
    state.piece_delete(id).await
}

#[tauri::command]
pub async fn piece_restore(state: State<'_, AppState>, id: i64) -> Result<Piece, IpcError> {
    state.touch();
    state.piece_restore(id).await
}

#[tauri::command]
pub async fn piece_preview(state: State<'_, AppState>, id: i64) -> Result<Preview, IpcError> {
    state.touch();
    state.piece_preview(id).await
}

/// An image piece's bytes, as an `ArrayBuffer` (for a blob URL).
#[tauri::command]
pub async fn piece_image(state: State<'_, AppState>, id: i64) -> Result<Response, IpcError> {
    state.touch();
    state.piece_image(id).await.map(Response::new)
}

/// Decrypts the piece to a private temporary file and opens it with the system's program
/// (the UI warns first). Answers the temporary file's name.
#[tauri::command]
pub async fn piece_open_external(
    state: State<'_, AppState>,
    id: i64,
) -> Result<OpenedExternally, IpcError> {
    state.touch();
    let open = |path: &std::path::Path| tauri_plugin_opener::open_path(path, None::<&str>);
    let reveal = |path: &std::path::Path| tauri_plugin_opener::reveal_item_in_dir(path);
    state
        .piece_open_external(
            id,
            |p| open(p).map_err(|_| ()),
            |p| reveal(p).map_err(|_| ()),
        )
        .await
}
