//! Dossiers: the bodies of the commands. A draft is checked in `carnet-core` (shape and
//! length), stored in the vault, and answered with what its destination still needs. The
//! export renders the PDF into a temporary file in the folder the owner chose, flushes it to
//! the disk and renames it; any failure removes the temporary file and answers a coded
//! error (`dossier_incomplete`, `piece_altered`, `disk_full`, `export_failed`).

use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};

use carnet_core::dossier::{
    DossierDelivery, DossierExported, DossierInput, DossierItem, DossierProgress, DossierView,
    ExportRecord, SubmissionInput, file_name,
};
use carnet_core::journal::piece::PreviewKind;
use carnet_core::report::{PieceSource, PieceUnavailable, Report, ReportPiece, StampToken};
use carnet_dossier::DossierError;
use carnet_store::journal::dossiers::{self, VaultPieces};
use carnet_store::{Layout, outside};
use chrono::Datelike;
use sha2::{Digest, Sha256};

use crate::clock::now;
use crate::error::{ErrorCode, IpcError};
use crate::flows::files::{io_code, sync_dir, temporary};
use crate::state::{AppState, Local};

/// Receives the export's progress (the command sends it as the `dossier-progress` event).
pub type Progress = Arc<dyn Fn(DossierProgress) + Send + Sync>;

/// The event an export's progress is sent as.
pub const EVENT_PROGRESS: &str = "dossier-progress";

/// How long an export waits for the manifest's timestamp.
pub const MANIFEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

impl AppState {
    /// Creates a draft (numbered in this year) from the form as typed.
    pub async fn dossier_create(&self, input: DossierInput) -> Result<DossierView, IpcError> {
        let (now, today) = now();
        let draft = input.check().local(self)?;
        let vault = &*self.unlocked().await?;
        let id = dossiers::create(vault, &draft, today.year(), &now)
            .await
            .local(self)?;
        dossiers::view(vault, id, today).await.local(self)
    }

    /// The dossiers, the most recently changed first.
    pub async fn dossier_list(&self) -> Result<Vec<DossierItem>, IpcError> {
        let vault = &*self.unlocked().await?;
        dossiers::list(vault).await.local(self)
    }

    /// One dossier: its draft, what is missing for its destination, what it would hold.
    pub async fn dossier_get(&self, id: i64) -> Result<DossierView, IpcError> {
        let (_, today) = now();
        let vault = &*self.unlocked().await?;
        dossiers::view(vault, id, today).await.local(self)
    }

    /// Replaces the draft; a refused form writes nothing.
    pub async fn dossier_save(
        &self,
        id: i64,
        input: DossierInput,
    ) -> Result<DossierView, IpcError> {
        let (now, today) = now();
        let draft = input.check().local(self)?;
        let vault = &*self.unlocked().await?;
        dossiers::save(vault, id, &draft, &now).await.local(self)?;
        dossiers::view(vault, id, today).await.local(self)
    }

    pub async fn dossier_delete(&self, id: i64) -> Result<(), IpcError> {
        let (now, _) = now();
        let vault = &*self.unlocked().await?;
        dossiers::delete(vault, id, &now).await.local(self)
    }

    /// Takes a dossier out of the trash.
    pub async fn dossier_restore(&self, id: i64) -> Result<(), IpcError> {
        let (now, _) = now();
        let vault = &*self.unlocked().await?;
        dossiers::restore(vault, id, &now).await.local(self)
    }

    /// The file name the save dialog suggests, once the dossier is known to be complete
    /// (an incomplete one answers `dossier_incomplete` before any dialog opens).
    pub async fn dossier_export_name(&self, id: i64) -> Result<String, IpcError> {
        let (_, today) = now();
        let vault = &*self.unlocked().await?;
        let view = dossiers::view(vault, id, today).await.local(self)?;
        if !view.complete {
            return Err(self.refuse(ErrorCode::DossierIncomplete));
        }
        Ok(file_name(&view.number, view.draft.destination))
    }

    /// Renders the dossier's PDF to `dest` (chosen by the owner) through a temporary file
    /// in the same folder, records the export and answers what was written.
    pub async fn dossier_export(
        &self,
        id: i64,
        dest: &Path,
        progress: Progress,
    ) -> Result<DossierExported, IpcError> {
        let generated_at = chrono::Local::now().fixed_offset();
        let vault = &*self.unlocked().await?;
        let report = match dossiers::report(vault, id, generated_at).await {
            Ok(Ok(report)) => report,
            Ok(Err(_missing)) => return Err(self.refuse(ErrorCode::DossierIncomplete)),
            Err(e) => return Err(self.err(e)),
        };
        let source = VaultPieces::new(vault, &report.pieces).await.local(self)?;
        // The manifest is timestamped at export when the owner turned proofs on.
        let settings = self.settings();
        let tsa = settings.proofs.then_some(settings.tsa_url);
        let dest_owned = dest.to_owned();
        let layout = self.layout.clone();
        let (report, written) = tokio::task::spawn_blocking(move || {
            let written = write_pdf(&layout, &dest_owned, &report, source, progress, tsa);
            (report, written)
        })
        .await
        .map_err(|_| self.refuse(ErrorCode::ExportFailed))?;
        let written = written.map_err(|code| self.refuse(code))?;
        let record = ExportRecord {
            exported_at: generated_at.to_rfc3339(),
            destination: report.destination,
            locale: report.locale,
            sha256: written.sha256.clone(),
            size: written.size,
            pages: written.pages,
            pieces: written.pieces,
        };
        if let Err(e) = dossiers::record_export(vault, id, &record).await {
            // An export that is not recorded is not left behind either.
            let _ = std::fs::remove_file(dest);
            return Err(self.err(e));
        }
        Ok(written)
    }

    /// Records that the dossier was sent: the submission, an event on each incident, and
    /// the incidents' statuses moved forward, in one transaction.
    pub async fn dossier_record_submission(
        &self,
        id: i64,
        input: SubmissionInput,
    ) -> Result<DossierView, IpcError> {
        let (now, today) = now();
        let sent = input.check(today).local(self)?;
        let vault = &*self.unlocked().await?;
        dossiers::record_submission(vault, id, &sent, &now, today)
            .await
            .local(self)?;
        dossiers::view(vault, id, today).await.local(self)
    }

    /// The texts to paste into the destination's form, field by field, its address, and
    /// whether the pieces fit its upload limits. Needs a complete dossier
    /// (`dossier_incomplete` otherwise), as the export does.
    pub async fn dossier_submission_help(&self, id: i64) -> Result<DossierDelivery, IpcError> {
        let report = self.complete_report(id).await?;
        Ok(DossierDelivery {
            help: carnet_dossier::submission_help(&report),
            limits: carnet_dossier::check_limits(&report),
        })
    }

    /// The destination's online form, when its address is known (from Carnet's data file,
    /// never from the page): the command opens it in the browser.
    pub async fn dossier_form_url(&self, id: i64) -> Result<Option<String>, IpcError> {
        let report = self.complete_report(id).await?;
        Ok(carnet_dossier::form_url(&report).map(str::to_owned))
    }

    async fn complete_report(&self, id: i64) -> Result<Report, IpcError> {
        let generated_at = chrono::Local::now().fixed_offset();
        let vault = &*self.unlocked().await?;
        match dossiers::report(vault, id, generated_at).await {
            Ok(Ok(report)) => Ok(report),
            Ok(Err(_missing)) => Err(self.refuse(ErrorCode::DossierIncomplete)),
            Err(e) => Err(self.err(e)),
        }
    }
}

/// The pieces' source, counting what the renderer fetched for the progress event.
/// Pieces may be fetched from several threads (images are decoded in parallel): the count
/// and its event go together under a lock, so `done` never goes back.
struct Counting<'a> {
    inner: &'a dyn PieceSource,
    done: Mutex<u32>,
    total: u32,
    progress: Progress,
    /// The authority asked for the manifest's timestamp, when proofs are on.
    tsa: Option<String>,
}

impl PieceSource for Counting<'_> {
    fn timestamp(&self, piece: &ReportPiece) -> Option<StampToken> {
        self.inner.timestamp(piece)
    }

    /// Asks the authority at once (the export waits at most [`MANIFEST_TIMEOUT`]); offline,
    /// the bundle goes without the manifest's token and says nothing false.
    fn stamp(&self, sha256: &[u8; 32]) -> Option<StampToken> {
        let url = self.tsa.as_deref()?;
        match carnet_proof::tsp::request_timestamp(url, sha256, MANIFEST_TIMEOUT) {
            Ok(token) => Some(StampToken {
                der: token.der,
                tsa_name: token.tsa_name,
                chain_pem: token.chain_pem,
            }),
            Err(e) => {
                log::info!("manifest not timestamped: {}", e.code());
                None
            }
        }
    }

    fn bytes(&self, piece: &ReportPiece) -> Result<Vec<u8>, PieceUnavailable> {
        let bytes = self.inner.bytes(piece);
        let mut done = self.done.lock().unwrap_or_else(|p| p.into_inner());
        // The last step (writing the file) is reported once the file is in place.
        *done = (*done + 1).min(self.total - 1);
        (self.progress)(DossierProgress {
            done: *done,
            total: self.total,
        });
        bytes
    }
}

/// Writes the PDF to `dest` and the evidence bundle beside it: each into a temporary file in
/// the same folder, flushed; then the bundle renamed into place, then the PDF (the bundle is
/// removed again if the PDF cannot be), the folder flushed. On failure nothing is left; the
/// error is the code to answer.
fn write_pdf(
    layout: &Layout,
    dest: &Path,
    report: &Report,
    source: VaultPieces,
    progress: Progress,
    tsa: Option<String>,
) -> Result<DossierExported, ErrorCode> {
    let shown = report
        .pieces
        .iter()
        .filter(|p| p.preview() != PreviewKind::None)
        .count();
    // The pieces the PDF shows, every piece again for the bundle, and writing the files.
    let steps = shown.saturating_add(report.pieces.len()).saturating_add(1);
    let total = u32::try_from(steps).unwrap_or(u32::MAX);
    progress(DossierProgress { done: 0, total });
    let counting = Counting {
        inner: &source,
        done: Mutex::new(0),
        total,
        progress: progress.clone(),
        tsa,
    };
    let dir = dest.parent().ok_or(ErrorCode::ExportFailed)?;
    let (tmp, _in_flight) = temporary(layout, dir)?;
    let (written, hasher, size) = {
        let mut out = Hashing {
            inner: BufWriter::new(tmp.as_file()),
            hasher: Sha256::new(),
            size: 0,
        };
        let written =
            carnet_dossier::render(report, &counting, &mut out).map_err(|e| dossier_code(&e))?;
        let Hashing {
            inner,
            hasher,
            size,
        } = out;
        inner
            .into_inner()
            .map_err(|e| io_code(e.error()))?
            .sync_all()
            .map_err(|e| io_code(&e))?;
        (written, hasher, size)
    };
    let (bundle_tmp, _bundle_in_flight, bundle_size) =
        write_bundle(layout, dir, report, &counting)?;
    let bundle_dest = dir.join(bundle_name(dest, report.locale));
    bundle_tmp
        .persist(&bundle_dest)
        .map_err(|e| io_code(&e.error))?;
    if let Err(e) = tmp.persist(dest) {
        let _ = std::fs::remove_file(&bundle_dest);
        return Err(io_code(&e.error));
    }
    sync_dir(dir);
    progress(DossierProgress { done: total, total });
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    Ok(DossierExported {
        file_name: name(dest),
        size,
        pages: u32::try_from(written.pages).unwrap_or(u32::MAX),
        sha256: hex::encode(hasher.finalize()),
        pieces: u32::try_from(report.pieces.len()).unwrap_or(u32::MAX),
        bundle_file_name: name(&bundle_dest),
        bundle_size,
    })
}

/// The bundle's name beside `Carnet-2026-0001-mediateur.pdf`:
/// `Carnet-2026-0001-mediateur-pieces.zip` (`-evidence.zip` in English).
pub(crate) fn bundle_name(pdf: &Path, locale: carnet_core::Locale) -> String {
    let stem = pdf
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Carnet".into());
    let suffix = match locale {
        carnet_core::Locale::Fr => "pieces",
        carnet_core::Locale::En => "evidence",
    };
    format!("{stem}-{suffix}.zip")
}

/// The evidence bundle (`carnet_dossier::bundle`: the original pieces, their manifests,
/// how to verify them, and the ZIPs the destination's form needs) into a temporary file in
/// `dir`, flushed; answers it, not yet renamed, with its size.
fn write_bundle(
    layout: &Layout,
    dir: &Path,
    report: &Report,
    pieces: &dyn PieceSource,
) -> Result<(tempfile::NamedTempFile, outside::InFlight, u64), ErrorCode> {
    let (tmp, in_flight) = temporary(layout, dir)?;
    let options = carnet_dossier::BundleOptions { groups: true };
    {
        let mut out = BufWriter::new(tmp.as_file());
        carnet_dossier::bundle(report, pieces, &options, &mut out).map_err(|e| dossier_code(&e))?;
        out.into_inner()
            .map_err(|e| io_code(e.error()))?
            .sync_all()
            .map_err(|e| io_code(&e))?;
    }
    let size = tmp.as_file().metadata().map_err(|e| io_code(&e))?.len();
    Ok((tmp, in_flight, size))
}

/// A writer that hashes and counts what it passes on.
struct Hashing<W: Write> {
    inner: W,
    hasher: Sha256,
    size: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

pub(crate) fn dossier_code(e: &DossierError) -> ErrorCode {
    match e {
        DossierError::Write(io) => io_code(io),
        DossierError::PieceAltered { .. } | DossierError::PieceUnavailable { .. } => {
            ErrorCode::PieceAltered
        }
        DossierError::Report(_) => ErrorCode::DossierIncomplete,
        DossierError::Font(_) | DossierError::Pdf(_) => ErrorCode::ExportFailed,
    }
}
