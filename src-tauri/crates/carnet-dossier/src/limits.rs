//! Whether a dossier's pieces fit its destination's upload form (`[destination.limits]` in
//! `data/destinations.toml`; for the DGE form, domain notes §4: 200 MB a file, 10 files a
//! field, its accepted types).
//!
//! The rules: a piece larger than the largest file is [`PieceFit::TooLarge`] and left out of
//! the upload (the PDF lists it with its hash; the bundle carries it). A piece of a type the
//! form does not take is [`PieceFit::InZipOnly`]. When every other piece is of an accepted
//! type and they are no more than one field's number of files, they go as they are.
//! Otherwise all of them go in ZIPs, in their order, each of at most one field's number of
//! files and whose pieces add up to less than the largest file (with room for the ZIP's own
//! headers): `P01-P10.zip`, `P11-P20.zip`, `P21-P23.zip`.

use carnet_core::delivery::{DestinationLimits, LimitsReport, PieceCheck, PieceFit, UploadGroup};
use carnet_core::report::{Report, ReportPiece};

use crate::destinations::{Limits, plan};
use crate::names::{extension, piece_file_name};

/// Room left in a group ZIP for each entry's headers (local, central, ZIP64 extras, a name
/// of up to ~250 bytes), so that the ZIP itself stays under the limit.
const ENTRY_OVERHEAD: u64 = 1_024;
/// Room for the ZIP's end records and its `SHA256SUMS`.
const ZIP_OVERHEAD: u64 = 64 * 1_024;

/// The limits report of a report's pieces for its destination.
pub fn check_limits(report: &Report) -> LimitsReport {
    let limits = plan(report.destination).limits.as_ref();
    check_with(report, limits)
}

/// The group ZIP's name: `P01-P10.zip`, `P07.zip` for one piece.
pub fn group_file_name(first: &ReportPiece, last: &ReportPiece) -> String {
    if first.number == last.number {
        format!("{}.zip", first.label())
    } else {
        format!("{}-{}.zip", first.label(), last.label())
    }
}

pub(crate) fn check_with(report: &Report, limits: Option<&Limits>) -> LimitsReport {
    let Some(limits) = limits else {
        let pieces: Vec<PieceCheck> = report
            .pieces
            .iter()
            .map(|p| check(p, PieceFit::Accepted))
            .collect();
        let n = u32::try_from(pieces.len()).unwrap_or(u32::MAX);
        return LimitsReport {
            destination: report.destination,
            limits: None,
            pieces,
            groups: Vec::new(),
            files_to_upload: n,
            fields_needed: u32::from(n > 0),
            ok: true,
        };
    };
    let max = limits.max_file_bytes();
    let per_field = limits.max_files_per_field.max(1);
    let mut pieces: Vec<PieceCheck> = report
        .pieces
        .iter()
        .map(|p| {
            let fit = if p.size > max {
                PieceFit::TooLarge
            } else if limits.accepts(&extension(&p.original_name, &p.media_type)) {
                PieceFit::Accepted
            } else {
                PieceFit::InZipOnly
            };
            check(p, fit)
        })
        .collect();
    let sendable: Vec<usize> = (0..pieces.len())
        .filter(|&i| pieces[i].fit != PieceFit::TooLarge)
        .collect();
    let as_is = sendable.len() <= per_field as usize
        && sendable
            .iter()
            .all(|&i| pieces[i].fit == PieceFit::Accepted);
    let mut groups: Vec<UploadGroup> = Vec::new();
    if !as_is {
        let budget = max.saturating_sub(ZIP_OVERHEAD);
        let mut current: Vec<usize> = Vec::new();
        let mut bytes = 0u64;
        let mut close = |current: &mut Vec<usize>, bytes: &mut u64| {
            if let (Some(&a), Some(&b)) = (current.first(), current.last()) {
                groups.push(UploadGroup {
                    file_name: group_file_name(&report.pieces[a], &report.pieces[b]),
                    numbers: current.iter().map(|&i| report.pieces[i].number).collect(),
                    bytes: *bytes,
                });
            }
            current.clear();
            *bytes = 0;
        };
        for &i in &sendable {
            let cost = report.pieces[i].size.saturating_add(ENTRY_OVERHEAD);
            if current.len() == per_field as usize
                || (!current.is_empty() && bytes.saturating_add(cost) > budget)
            {
                close(&mut current, &mut bytes);
            }
            current.push(i);
            bytes = bytes.saturating_add(report.pieces[i].size);
        }
        close(&mut current, &mut bytes);
        for g in &groups {
            for n in &g.numbers {
                if let Some(p) = pieces.iter_mut().find(|p| p.number == *n) {
                    p.group = Some(g.file_name.clone());
                }
            }
        }
    }
    let files = if as_is { sendable.len() } else { groups.len() };
    let files_to_upload = u32::try_from(files).unwrap_or(u32::MAX);
    let fields_needed = files_to_upload.div_ceil(per_field);
    let ok = sendable.len() == pieces.len() && fields_needed <= 1;
    LimitsReport {
        destination: report.destination,
        limits: Some(DestinationLimits {
            max_file_bytes: max,
            max_files_per_field: per_field,
            accepted: limits.accepted.clone(),
        }),
        pieces,
        groups,
        files_to_upload,
        fields_needed,
        ok,
    }
}

fn check(p: &ReportPiece, fit: PieceFit) -> PieceCheck {
    PieceCheck {
        number: p.number,
        label: p.label(),
        file_name: piece_file_name(p),
        size: p.size,
        fit,
        group: None,
    }
}
