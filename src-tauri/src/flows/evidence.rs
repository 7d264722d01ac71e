//! Pieces of evidence: added from files (the native dialog), from bytes (a drop or a pasted
//! screenshot), or from an e-mail imported with its attachments; their title, date and note;
//! the trash; the preview; and "open in another program", which decrypts the piece to a
//! private temporary file (0600, in a 0700 folder under `$XDG_RUNTIME_DIR` when there is
//! one) removed when the vault locks, when the app exits, or
//! [`OPEN_FOR`](crate::decrypted::OPEN_FOR) later.

use std::path::{Path, PathBuf};

use base64::Engine;
use carnet_core::journal::event::Actor;
use carnet_core::journal::event::email;
use carnet_core::journal::piece::{self, Piece, PieceInput, Preview, PreviewKind};
use carnet_core::{CoreError, Field};
use carnet_store::journal::{events, pieces};
use carnet_store::{StoreError, evidence};
use serde::Serialize;
use ts_rs::TS;

use crate::clock::now;
use crate::decrypted::{OPEN_PREFIX, open_base};
use crate::error::IpcError;
use crate::ipc::OpenedExternally;
use crate::state::{AppState, Local};

/// Bytes sent by the UI for one piece.
pub enum Content<'a> {
    /// The raw body of the request.
    Bytes(&'a [u8]),
    /// Base64 text (a JSON body); its size is checked before it is decoded.
    Base64(&'a str),
}

/// What an e-mail import added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EmailImported {
    pub event: carnet_core::journal::event::Event,
    /// The `.eml` itself first, then its attachments.
    pub pieces: Vec<Piece>,
}

impl AppState {
    /// A file the owner chose as evidence: its name as a piece keeps it, and its size, which
    /// must be within the 200 MB limit.
    fn chosen_file(&self, path: &Path) -> Result<(String, u64), IpcError> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = piece::file_name(&name).local(self)?;
        let len = std::fs::metadata(path)
            .map_err(StoreError::from)
            .local(self)?
            .len();
        if len > evidence::MAX_SIZE {
            return Err(self.err(StoreError::TooLarge));
        }
        Ok((name, len))
    }

    /// Adds files chosen in the dialog as pieces, in order, all or none. Every file is checked
    /// (there, readable, not empty, at most 200 MB) before the first is sealed; they are
    /// then sealed side by side and recorded in one transaction (`pieces::add_many`).
    pub async fn pieces_add_files(
        &self,
        incident_id: i64,
        paths: &[PathBuf],
    ) -> Result<Vec<Piece>, IpcError> {
        let (now, _) = now();
        let mut checked = Vec::new();
        for path in paths {
            let (name, len) = self.chosen_file(path)?;
            if len == 0 {
                return Err(self.err(StoreError::EmptyFile));
            }
            checked.push((path, name, len));
        }
        let vault = &*self.unlocked().await?;
        let open = |i: usize| {
            let (path, name, len) = &checked[i];
            Ok((std::fs::File::open(path)?, *len, name.clone()))
        };
        let added = pieces::add_many(vault, incident_id, checked.len(), open, &now)
            .await
            .local(self)?;
        self.proofs_due();
        Ok(added)
    }

    /// Adds a piece from bytes (a dropped file, a pasted screenshot). The size is checked
    /// before base64 is decoded; the name and declared type are checked like a file's.
    pub async fn piece_add_bytes(
        &self,
        incident_id: i64,
        name: &str,
        media_type: Option<&str>,
        content: Content<'_>,
    ) -> Result<Piece, IpcError> {
        let (now, _) = now();
        let name = piece::file_name(name).local(self)?;
        let declared = piece::declared_type(media_type).local(self)?;
        let decoded;
        let bytes: &[u8] = match content {
            Content::Bytes(b) => b,
            Content::Base64(text) => {
                let limit = evidence::MAX_SIZE.div_ceil(3) * 4;
                if text.len() as u64 > limit + 4 {
                    return Err(self.err(StoreError::TooLarge));
                }
                decoded = zeroize::Zeroizing::new(
                    base64::engine::general_purpose::STANDARD
                        .decode(text.trim())
                        .map_err(|_| self.err(CoreError::Invalid(Field::PieceContent)))?,
                );
                &decoded
            }
        };
        if bytes.len() as u64 > evidence::MAX_SIZE {
            return Err(self.err(StoreError::TooLarge));
        }
        let vault = &*self.unlocked().await?;
        let added = pieces::add(
            vault,
            incident_id,
            bytes,
            Some(bytes.len() as u64),
            &name,
            declared.as_deref(),
            &now,
        )
        .await
        .local(self)?;
        self.proofs_due();
        Ok(added)
    }

    /// Imports an e-mail file as an event (sender, date, subject, plain-text body) with the
    /// `.eml` and its attachments as pieces linked to it. `actor` defaults to the platform.
    pub async fn email_import(
        &self,
        incident_id: i64,
        path: &Path,
        actor: Option<String>,
    ) -> Result<EmailImported, IpcError> {
        let (now, today) = now();
        let actor = match actor.as_deref().map(str::trim) {
            None | Some("") => Actor::Platform,
            Some(a) => Actor::parse(a).local(self)?,
        };
        let (name, _) = self.chosen_file(path)?;
        let raw =
            zeroize::Zeroizing::new(std::fs::read(path).map_err(StoreError::from).local(self)?);
        let mail =
            email::parse(&raw).ok_or_else(|| self.err(CoreError::Invalid(Field::EmailFile)))?;
        let vault = &*self.unlocked().await?;
        let imported =
            events::email::import(vault, incident_id, &raw, &mail, &name, actor, &now, today)
                .await
                .local(self)?;
        if let Some(eml) = imported.pieces.first() {
            self.email_first_check(vault, eml.id, raw.clone()).await;
        }
        let pieces = match imported.pieces.first() {
            // Read again: it now carries its first verdict.
            Some(eml) => {
                let first = pieces::get(vault, eml.id).await.local(self)?;
                std::iter::once(first)
                    .chain(imported.pieces.iter().skip(1).cloned())
                    .collect()
            }
            None => imported.pieces,
        };
        Ok(EmailImported {
            event: imported.event,
            pieces,
        })
    }

    /// Changes a piece's title, date and note.
    pub async fn piece_save(&self, input: PieceInput) -> Result<Piece, IpcError> {
        let (now, today) = now();
        let edit = input.validate(today).local(self)?;
        let vault = &*self.unlocked().await?;
        pieces::update(vault, &edit, &now).await.local(self)
    }

    pub async fn piece_delete(&self, id: i64) -> Result<(), IpcError> {
        let (now, _) = now();
        let vault = &*self.unlocked().await?;
        pieces::delete(vault, id, &now).await.local(self)
    }

    pub async fn piece_restore(&self, id: i64) -> Result<Piece, IpcError> {
        let (now, _) = now();
        let vault = &*self.unlocked().await?;
        pieces::restore(vault, id, &now).await.local(self)
    }

    /// What the app shows of a piece: text as text, an e-mail's headers and body, or (for an
    /// image) its media type, the bytes coming from [`AppState::piece_image`].
    pub async fn piece_preview(&self, id: i64) -> Result<Preview, IpcError> {
        let vault = &*self.unlocked().await?;
        let p = pieces::get(vault, id).await.local(self)?;
        if matches!(p.preview, PreviewKind::Image | PreviewKind::None) {
            return Ok(piece::preview(&p.media_type, &[]));
        }
        let (p, bytes) = pieces::content(vault, id).await.local(self)?;
        Ok(piece::preview(&p.media_type, &bytes))
    }

    /// The decrypted bytes of an image piece (PNG, JPEG, GIF, WebP), for a blob URL.
    pub async fn piece_image(&self, id: i64) -> Result<Vec<u8>, IpcError> {
        let vault = &*self.unlocked().await?;
        let p = pieces::get(vault, id).await.local(self)?;
        if p.preview != PreviewKind::Image {
            return Err(self.err(StoreError::NotFound));
        }
        let (_, bytes) = pieces::content(vault, id).await.local(self)?;
        Ok(bytes.to_vec())
    }

    /// Decrypts a piece to a private temporary file and hands it to `open` (the system's
    /// opener in the app) when its kind is one Carnet opens (documents, images, text, e-mails:
    /// `carnet_core::journal::piece::opens_in_another_program`); any other file (a program, a
    /// script, a shortcut the counterparty named `facture.pdf.exe`) is only shown in its folder
    /// by `reveal`, and the UI warns. The UI has warned the owner first in both cases.
    pub async fn piece_open_external(
        &self,
        id: i64,
        open: impl FnOnce(&Path) -> Result<(), ()>,
        reveal: impl FnOnce(&Path) -> Result<(), ()>,
    ) -> Result<OpenedExternally, IpcError> {
        let vault = self.unlocked().await?;
        let (p, bytes) = pieces::content(&vault, id).await.local(self)?;
        drop(vault);
        self.opened.expire();
        let io = |e: std::io::Error| self.err(StoreError::from(e));
        let mut builder = tempfile::Builder::new();
        builder.prefix(OPEN_PREFIX);
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
        let dir = builder.tempdir_in(open_base()).map_err(io)?;
        let name = format!("{}-{}", p.label(), p.original_name);
        let path = dir.path().join(&name);
        {
            use std::io::Write;
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let mut file = options.open(&path).map_err(io)?;
            file.write_all(&bytes).map_err(io)?;
        }
        mark_as_from_elsewhere(&path);
        let safe = carnet_core::journal::piece::opens_in_another_program(&p.original_name);
        let opened = if safe { open(&path) } else { reveal(&path) };
        self.opened.keep(dir);
        opened.map_err(|()| self.err(StoreError::Io(std::io::ErrorKind::Other)))?;
        Ok(OpenedExternally {
            file_name: name,
            revealed: !safe,
        })
    }
}

/// On Windows, the Mark of the Web (`Zone.Identifier`, zone 3: the Internet) on a decrypted
/// piece, so Windows and Office treat it as the outside file it is. Nothing elsewhere.
fn mark_as_from_elsewhere(path: &Path) {
    #[cfg(windows)]
    {
        let mut stream = path.as_os_str().to_owned();
        stream.push(":Zone.Identifier");
        if std::fs::write(&stream, "[ZoneTransfer]\r\nZoneId=3\r\n").is_err() {
            log::warn!("the Mark of the Web could not be set on an opened piece");
        }
    }
    #[cfg(not(windows))]
    let _ = path;
}

/// Reads the headers of a raw-body request (`x-incident-id`, `x-name` %-encoded,
/// `x-media-type`), for the command layer.
pub fn raw_headers(get: impl Fn(&str) -> Option<String>) -> Option<(i64, String, Option<String>)> {
    let id = get("x-incident-id")?.trim().parse().ok()?;
    let name = crate::percent::decode(&get("x-name")?)?;
    let media_type = get("x-media-type")
        .map(|m| m.trim().to_owned())
        .filter(|m| !m.is_empty());
    Some((id, name, media_type))
}
