// Which screen the app shows, decided from the vault's status and how we got there.
import type { ErrorCode } from '../bindings/ErrorCode';
import type { IpcError } from '../bindings/IpcError';
import type { VaultCreated } from '../bindings/VaultCreated';
import type { VaultStatus } from '../bindings/VaultStatus';
import type { MessageKey } from '../i18n/fr';
import type { UiError } from '../ipc';

/** How the vault was just opened, for the home page to say what follows. */
export type Opening = {
  /** With the recovery key: the passphrase may be forgotten, so a new one is suggested. */
  withRecoveryKey: boolean;
  /** The vault's content came back from a backup (its date, as shown) or an archive. */
  restored: { from: 'backup'; date: string } | { from: 'archive' } | null;
};

/** An ordinary opening: nothing to add on the home page. */
export const PLAIN_OPENING: Opening = { withRecoveryKey: false, restored: null };

export type Screen =
  | { kind: 'firstRun' }
  | { kind: 'recoveryKey'; created: VaultCreated }
  | {
      kind: 'unlock';
      status: VaultStatus;
      /** Try this computer's keyring once, without a click (only when the app starts). */
      tryThisComputer: boolean;
      /** The vault locked itself after the idle delay. */
      autoLocked: boolean;
    }
  | { kind: 'open'; status: VaultStatus; opening: Opening };

export function screenFor(
  status: VaultStatus,
  how: { starting?: boolean; autoLocked?: boolean; opening?: Opening } = {},
): Screen {
  switch (status.state) {
    case 'absent':
      return { kind: 'firstRun' };
    case 'locked':
      return {
        kind: 'unlock',
        status,
        tryThisComputer: (how.starting ?? false) && status.remembersThisComputer && !status.problem,
        autoLocked: how.autoLocked ?? false,
      };
    case 'unlocked':
      return { kind: 'open', status, opening: how.opening ?? PLAIN_OPENING };
  }
}

/** The vault's own files are damaged: unlocking cannot work, restoring a copy can. */
export function filesDamaged(status: VaultStatus): boolean {
  const code = status.problem?.code;
  return code === 'key_file_damaged' || code === 'vault_corrupted';
}

/** What the recovery-key screen says when the keyring refused the key at creation. Rust's
 * own message is written for the unlock screen ("enter your passphrase"). */
export function keyringProblemText(code: ErrorCode): MessageKey {
  return code === 'keyring_mismatch' ? 'recovery.keyringMismatch' : 'recovery.keyringUnavailable';
}

/** The vault is open behind this screen (activity pings keep it so). */
export function vaultIsOpen(screen: Screen | null): boolean {
  return screen?.kind === 'open' || screen?.kind === 'recoveryKey';
}

/** The passphrase inputs a form may have. */
export type PassphraseInput = 'current' | 'passphrase' | 'confirmation';

/** Which input an error is about, so the form can move the focus there. */
export function inputForError(error: UiError | IpcError): PassphraseInput | null {
  switch (error.code) {
    case 'wrong_secret':
      return 'current';
    case 'passphrase_too_weak':
      return 'passphrase';
    case 'invalid_input':
      if (error.field === 'passphrase') return 'passphrase';
      if (error.field === 'passphrase_confirmation') return 'confirmation';
      return null;
    default:
      return null;
  }
}

/** A recovery key as groups to display, whatever separators it came with. */
export function keyGroups(key: string): string[] {
  const compact = key.replace(/[\s-]+/g, '');
  const groups: string[] = [];
  for (let i = 0; i < compact.length; i += 5) groups.push(compact.slice(i, i + 5));
  return groups;
}
