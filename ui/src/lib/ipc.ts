// Typed calls to the Rust commands. Every request and answer type comes from the generated
// bindings; a failure always arrives as an `IpcError` with a code the screens switch on.
import { invoke } from '@tauri-apps/api/core';
import { INCIDENTS_PAGE_MAX } from './bindings/limits';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { OpenedExternally } from './bindings/OpenedExternally';
import type { About } from './bindings/About';
import type { BackupInfo } from './bindings/BackupInfo';
import type { Barometer } from './bindings/Barometer';
import type { ClosingRoute } from './bindings/ClosingRoute';
import type { DecisionReasons } from './bindings/DecisionReasons';
import type { Route } from './bindings/Route';
import type { Company } from './bindings/Company';
import type { DossierDelivery } from './bindings/DossierDelivery';
import type { DossierExported } from './bindings/DossierExported';
import type { DossierInput } from './bindings/DossierInput';
import type { DossierItem } from './bindings/DossierItem';
import type { DossierProgress } from './bindings/DossierProgress';
import type { DossierView } from './bindings/DossierView';
import type { EmailImported } from './bindings/EmailImported';
import type { Event } from './bindings/Event';
import type { EventInput } from './bindings/EventInput';
import type { Incident } from './bindings/Incident';
import type { IncidentDetail } from './bindings/IncidentDetail';
import type { IncidentFilters } from './bindings/IncidentFilters';
import type { IncidentInput } from './bindings/IncidentInput';
import type { IncidentPage } from './bindings/IncidentPage';
import type { IncidentRow } from './bindings/IncidentRow';
import type { MenuAction } from './bindings/MenuAction';
import type { Piece } from './bindings/Piece';
import type { ProofStatus } from './bindings/ProofStatus';
import type { PieceInput } from './bindings/PieceInput';
import type { Preview } from './bindings/Preview';
import type { SearchFilters } from './bindings/SearchFilters';
import type { SearchResults } from './bindings/SearchResults';
import type { SearchSort } from './bindings/SearchSort';
import type { Status } from './bindings/Status';
import type { TrashEntity } from './bindings/TrashEntity';
import type { TrashItem } from './bindings/TrashItem';
import type { CompanyInput } from './bindings/CompanyInput';
import type { Exported } from './bindings/Exported';
import type { IpcError } from './bindings/IpcError';
import type { Locale } from './bindings/Locale';
import type { PlatformInput } from './bindings/PlatformInput';
import type { PlatformRecord } from './bindings/PlatformRecord';
import type { Platforms } from './bindings/Platforms';
import type { Settings } from './bindings/Settings';
import type { Strength } from './bindings/Strength';
import type { VaultCreated } from './bindings/VaultCreated';
import type { VaultStatus } from './bindings/VaultStatus';
import type { ExportFormat } from './bindings/ExportFormat';
import type { ExportProgress } from './bindings/ExportProgress';
import type { ExportSelection } from './bindings/ExportSelection';
import type { ImportChoice } from './bindings/ImportChoice';
import type { ImportDone } from './bindings/ImportDone';
import type { ImportOpened } from './bindings/ImportOpened';
import type { ImportPreview } from './bindings/ImportPreview';
import type { ImportSheet } from './bindings/ImportSheet';
import type { JournalExported } from './bindings/JournalExported';
import type { PieceAssignment } from './bindings/PieceAssignment';
import type { PieceMatch } from './bindings/PieceMatch';

/** A failure the UI can show: a coded error from Rust, or `unexpected` for anything else. */
export type UiError = IpcError | { code: 'unexpected'; message?: undefined };

export function isIpcError(e: unknown): e is IpcError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { message?: unknown }).message === 'string'
  );
}

/** Whatever a command rejected with, as a `UiError` (for `catch (e)` blocks). */
export function asUiError(e: unknown): UiError {
  return isIpcError(e) ? e : { code: 'unexpected' };
}

async function call<T>(
  command: string,
  args?: Record<string, unknown> | Uint8Array,
  headers?: Record<string, string>,
): Promise<T> {
  try {
    return await invoke<T>(command, args, headers === undefined ? undefined : { headers });
  } catch (e) {
    throw asUiError(e);
  }
}

/** The secret typed to open an archive being imported, or a backup while the vault is locked. */
export type Secret = { passphrase: string } | { recoveryKey: string };

/** Which of the two secrets the owner chose to type. */
export type SecretKind = 'passphrase' | 'recoveryKey';

/** The secret of the chosen kind, from the two fields of a form offering both. */
export function chosenSecret(kind: SecretKind, passphrase: string, recoveryKey: string): Secret {
  return kind === 'passphrase' ? { passphrase } : { recoveryKey };
}

/** The event Rust emits when the vault locks itself after the idle delay. */
export const EVENT_VAULT_LOCKED = 'vault-locked';

/** The event Rust emits when a proof (timestamp, e-mail check) was stored or a request failed. */
export const EVENT_PROOF_CHANGED = 'proof-changed';

/** The event Rust emits when a .carnet archive is opened from the file manager (its name). */
export const EVENT_ARCHIVE_OPENED = 'archive-opened';

/** The event Rust emits when an entry of the application menu (or its shortcut) is chosen. */
export const EVENT_MENU = 'menu';

/** The event Rust emits while the journal is being exported (`{done, total}`). */
export const EVENT_JOURNAL_EXPORT_PROGRESS = 'journal-export-progress';

/** The event Rust emits while a dossier is being exported (`{done, total}`). */
export const EVENT_DOSSIER_PROGRESS = 'dossier-progress';

export const api = {
  settingsGet: (): Promise<Settings> => call('settings_get'),
  settingsSetLocale: (locale: Locale): Promise<Settings> =>
    call('settings_set_locale', { locale }),
  settingsSetAutoLock: (minutes: number): Promise<Settings> =>
    call('settings_set_auto_lock', { minutes }),
  settingsSetNotifications: (enabled: boolean): Promise<Settings> =>
    call('settings_set_notifications', { enabled }),
  passphraseStrength: (passphrase: string): Promise<Strength> =>
    call('passphrase_strength', { passphrase }),
  /** Whether network proofs are on, the authority, the shipped choice and what waits. */
  proofStatus: (): Promise<ProofStatus> => call('proof_status'),
  proofSet: (enabled: boolean, tsaUrl: string): Promise<ProofStatus> =>
    call('proof_set', { enabled, tsaUrl }),
  proofRetry: (): Promise<ProofStatus> => call('proof_retry'),
  /** Calls `onChanged` each time a proof is stored or a request fails. */
  onProofChanged: (onChanged: () => void): Promise<UnlistenFn> =>
    listen(EVENT_PROOF_CHANGED, () => onChanged()),

  vaultStatus: (): Promise<VaultStatus> => call('vault_status'),
  vaultCreate: (passphrase: string, confirmation: string, remember: boolean): Promise<VaultCreated> =>
    call('vault_create', { passphrase, confirmation, remember }),
  vaultUnlockPassphrase: (passphrase: string): Promise<VaultStatus> =>
    call('vault_unlock_passphrase', { passphrase }),
  vaultUnlockRecovery: (recoveryKey: string): Promise<VaultStatus> =>
    call('vault_unlock_recovery', { recoveryKey }),
  vaultUnlockThisComputer: (): Promise<VaultStatus> => call('vault_unlock_this_computer'),
  vaultLock: (): Promise<VaultStatus> => call('vault_lock'),
  vaultTouch: (): Promise<void> => call('vault_touch'),
  /** `current` is the current passphrase or, when it is forgotten, the recovery key. */
  vaultChangePassphrase: (current: string, next: string, confirmation: string): Promise<null> =>
    call('vault_change_passphrase', { current, next, confirmation }),
  /** A new recovery key (the old one stops working), after the current passphrase or recovery
   * key; answers the new key, to show once. */
  vaultNewRecoveryKey: (current: string): Promise<string> => call('vault_new_recovery_key', { current }),
  vaultRememberThisComputer: (remember: boolean): Promise<VaultStatus> =>
    call('vault_remember_this_computer', { remember }),

  backupsList: (): Promise<BackupInfo[]> => call('backups_list'),
  /** With the vault open, no secret; with it locked, the passphrase or the recovery key. The
   * vault is open afterwards either way. */
  backupRestore: (id: string, secret?: Secret): Promise<VaultStatus> =>
    call('backup_restore', { id, ...secret }),
  /** `null` when the owner cancels the save dialog. */
  archiveExport: (): Promise<Exported | null> => call('archive_export'),
  /** `null` when the owner cancels the open dialog. */
  /** `pending`: the archive opened from the file manager instead of the open dialog. */
  archiveImport: (secret: Secret, pending = false): Promise<VaultStatus | null> =>
    call('archive_import', { ...secret, pending }),
  /** The file name of the archive opened from the file manager, if one waits. */
  archivePending: (): Promise<string | null> => call('archive_pending'),
  /** Calls `onOpened` with the file name of each archive opened from the file manager. */
  onArchiveOpened: (onOpened: (name: string) => void): Promise<UnlistenFn> =>
    listen<string>(EVENT_ARCHIVE_OPENED, (event) => onOpened(event.payload)),

  /** `null` until the profile is first saved. */
  companyGet: (): Promise<Company | null> => call('company_get'),
  /** Answers the profile as Rust normalised it (SIRET digits, phone `+33 …`). */
  companySave: (input: CompanyInput): Promise<Company> => call('company_save', { input }),

  /** The built-in catalogue of platforms (works with the vault locked). */
  platformCatalogue: (): Promise<Platforms> => call('platform_catalogue'),
  /** The owner's platforms out of the trash, by name. */
  platformsList: (): Promise<PlatformRecord[]> => call('platforms_list'),
  /** Adds a platform (`input.id` null) or changes one. */
  platformSave: (input: PlatformInput): Promise<PlatformRecord> => call('platform_save', { input }),
  /** To the trash; refused with `platform_in_use` while incidents concern it. */
  platformDelete: (id: number): Promise<null> => call('platform_delete', { id }),
  platformRestore: (id: number): Promise<PlatformRecord> => call('platform_restore', { id }),

  /** The first page of incidents out of the trash, most recent first (or the page and
   * filters asked). */
  incidentsList: (filters?: IncidentFilters): Promise<IncidentPage> =>
    call('incidents_list', filters === undefined ? {} : { filters }),
  /** An incident with its chronology, pieces and status history. */
  incidentGet: (id: number): Promise<IncidentDetail> => call('incident_get', { id }),
  /** Creates (`input.id` absent) or changes an incident. */
  incidentSave: (input: IncidentInput): Promise<Incident> => call('incident_save', { input }),
  incidentSetStatus: (id: number, status: Status): Promise<Incident> =>
    call('incident_set_status', { id, status }),
  /** To the trash, with its events and pieces. */
  incidentDelete: (id: number): Promise<null> => call('incident_delete', { id }),
  incidentRestore: (id: number): Promise<Incident> => call('incident_restore', { id }),
  eventSave: (input: EventInput): Promise<Event> => call('event_save', { input }),
  eventDelete: (id: number): Promise<null> => call('event_delete', { id }),
  eventRestore: (id: number): Promise<Event> => call('event_restore', { id }),
  /** What the trash holds, the most recently deleted first. */
  trashList: (): Promise<TrashItem[]> => call('trash_list'),
  /** Deletes for good what is in the trash. */
  trashPurge: (entity: TrashEntity, id: number): Promise<null> => call('trash_purge', { entity, id }),

  /** Asks for files (the native dialog) and adds them; `null` when the owner cancels. */
  piecesAdd: (incidentId: number): Promise<Piece[] | null> => call('pieces_add', { incidentId }),
  /** A dropped file or a pasted image, sent as raw bytes (no base64 over IPC). */
  pieceAddBytes: (incidentId: number, name: string, mediaType: string, bytes: Uint8Array): Promise<Piece> =>
    call('piece_add_bytes', bytes, {
      'x-incident-id': String(incidentId),
      'x-name': encodeURIComponent(name),
      'x-media-type': mediaType,
    }),
  /** Asks for an `.eml` file and imports it as an event with its pieces; `null` when cancelled. */
  emailImport: (incidentId: number): Promise<EmailImported | null> => call('email_import', { incidentId }),
  pieceSave: (input: PieceInput): Promise<Piece> => call('piece_save', { input }),
  pieceDelete: (id: number): Promise<null> => call('piece_delete', { id }),
  pieceRestore: (id: number): Promise<Piece> => call('piece_restore', { id }),
  /** Text and e-mails as text (never markup); images through `pieceImage`. */
  piecePreview: (id: number): Promise<Preview> => call('piece_preview', { id }),
  /** An image piece's bytes, for a blob URL. */
  pieceImage: (id: number): Promise<ArrayBuffer> => call('piece_image', { id }),
  /** Decrypts to a private temporary file and opens it with the system's program; answers the
   * file's name. The UI warns first. */
  pieceOpenExternal: (id: number): Promise<OpenedExternally> => call('piece_open_external', { id }),

  /** The incidents matching a text (accents and case aside) and filters, a page of them (from
   * 0); no text and no filter lists them all, the most recent first. */
  incidentsSearch: (query: string, filters: SearchFilters, sort: SearchSort, page: number): Promise<SearchResults> =>
    call('incidents_search', { query, filters, sort, page }),
  /** Asks for a spreadsheet or a Carnet journal and reads it (its sheets, the first rows, the
   * mapping proposed); `null` when cancelled. Rust keeps the file until confirm or cancel. */
  importOpen: (): Promise<ImportOpened | null> => call('import_open'),
  /** Reads another sheet of the workbook being imported. */
  importSheet: (index: number): Promise<ImportSheet> => call('import_sheet', { index }),
  /** The dry run with these choices: what would be created, each row's problems. */
  importPreview: (choice: ImportChoice): Promise<ImportPreview> => call('import_preview', { choice }),
  /** Writes the import, all or nothing; the file is then forgotten. */
  importConfirm: (choice: ImportChoice): Promise<ImportDone> => call('import_confirm', { choice }),
  importCancel: (): Promise<null> => call('import_cancel'),
  /** Asks for screenshots and proposes an incident for each from its name; `null` when
   * cancelled. Rust keeps the files until the confirmation. */
  importPiecesMatch: (): Promise<PieceMatch[] | null> => call('import_pieces_match'),
  /** Attaches each file to the incident chosen; answers how many pieces were added. */
  importPiecesConfirm: (assignments: PieceAssignment[]): Promise<number> =>
    call('import_pieces_confirm', { assignments }),
  /** The journal (or the search's incidents) through the save dialog; `null` when cancelled. */
  journalExport: (format: ExportFormat, selection: ExportSelection): Promise<JournalExported | null> =>
    call('journal_export', { format, selection }),
  onJournalExportProgress: (onProgress: (progress: ExportProgress) => void): Promise<UnlistenFn> =>
    listen<ExportProgress>(EVENT_JOURNAL_EXPORT_PROGRESS, (event) => onProgress(event.payload)),
  /** The dashboard's figures over the last `months` months, and the deadlines to watch. */
  barometer: (months: number): Promise<Barometer> => call('barometer', { months }),
  incidentRoutes: (id: number): Promise<Route[]> => call('incident_routes', { id }),
  routesClosing: (): Promise<ClosingRoute[]> => call('routes_closing'),
  reasonsCatalogue: (): Promise<DecisionReasons[]> => call('reasons_catalogue'),

  /** The dossiers out of the trash, the most recently changed first. */
  dossierList: (): Promise<DossierItem[]> => call('dossier_list'),
  dossierGet: (id: number): Promise<DossierView> => call('dossier_get', { id }),
  /** A draft may be saved incomplete: only shapes and lengths are checked. */
  dossierCreate: (input: DossierInput): Promise<DossierView> => call('dossier_create', { input }),
  dossierSave: (id: number, input: DossierInput): Promise<DossierView> => call('dossier_save', { id, input }),
  dossierDelete: (id: number): Promise<null> => call('dossier_delete', { id }),
  /** Takes a dossier out of the trash. */
  dossierRestore: (id: number): Promise<null> => call('dossier_restore', { id }),
  /** The PDF and its evidence bundle, through the native save dialog; `null` when cancelled. */
  dossierExport: (id: number): Promise<DossierExported | null> => call('dossier_export', { id }),
  /** Each field of the destination's form with its text, and the pieces against its limits. */
  dossierSubmissionHelp: (id: number): Promise<DossierDelivery> => call('dossier_submission_help', { id }),
  /** Opens the destination's known online form in the browser; `false` when there is none. */
  dossierOpenForm: (id: number): Promise<boolean> => call('dossier_open_form', { id }),
  /** `submittedOn` as `YYYY-MM-DD`. */
  dossierRecordSubmission: (id: number, submittedOn: string, reference: string): Promise<DossierView> =>
    call('dossier_record_submission', { id, input: { submittedOn, reference } }),
  /** Calls `onProgress` with each export step; resolves to the way to stop. */
  onDossierProgress: (onProgress: (progress: DossierProgress) => void): Promise<UnlistenFn> =>
    listen<DossierProgress>(EVENT_DOSSIER_PROGRESS, (event) => onProgress(event.payload)),

  /** Calls `onLocked` each time the vault locks itself; resolves to the way to stop. */
  onVaultLocked: (onLocked: () => void): Promise<UnlistenFn> =>
    listen(EVENT_VAULT_LOCKED, () => onLocked()),

  /** The version and licence the About box shows. */
  appAbout: (): Promise<About> => call('app_about'),
  /** Puts the diagnostic information (versions, system, language) on the clipboard; returns it. */
  diagnosticsCopy: (): Promise<string> => call('diagnostics_copy'),
  /** Puts a text on the clipboard through Rust, which clears it at lock if it is still there. */
  clipboardCopy: (text: string): Promise<void> => call('clipboard_copy', { text }),
  /** Calls `onAction` with each menu entry chosen; resolves to the way to stop. */
  onMenu: (onAction: (action: MenuAction) => void): Promise<UnlistenFn> =>
    listen<MenuAction>(EVENT_MENU, (event) => onAction(event.payload)),
};


/** Every incident out of the trash, most recent first, read page after page. */
export async function allIncidents(): Promise<IncidentRow[]> {
  const rows: IncidentRow[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const page = await api.incidentsList({ offset, limit: INCIDENTS_PAGE_MAX });
    rows.push(...page.items);
    offset = page.nextOffset;
  }
  return rows;
}
