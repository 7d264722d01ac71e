// Set before any date is made: backup times are shown in the owner's time zone, here Paris.
// (Node reads TZ again when it changes; `process` is reached through globalThis because the
// UI's type set has no Node types.)
(globalThis as unknown as { process: { env: Record<string, string> } }).process.env.TZ =
  'Europe/Paris';

import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../bindings/BackupInfo';
import type { VaultStatus } from '../bindings/VaultStatus';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { describeTaken, newestFirst, parseTaken, BACKUP_KIND_LABELS } from './backups';
import { chosenSecret } from '../ipc';
import {
  filesDamaged,
  inputForError,
  keyGroups,
  keyringProblemText,
  PLAIN_OPENING,
  screenFor,
  vaultIsOpen,
} from './screens';
import { STRENGTH_LEVELS, strengthLabel, strengthLevel } from './strength';

describe('strength levels', () => {
  it('map each score to its own named level', () => {
    expect(STRENGTH_LEVELS.map((s) => fr[strengthLabel(s)])).toEqual([
      'Très faible',
      'Faible',
      'Moyenne',
      'Forte',
      'Très forte',
    ]);
    expect(STRENGTH_LEVELS.map((s) => en[strengthLabel(s)])).toEqual([
      'Very weak',
      'Weak',
      'Fair',
      'Strong',
      'Very strong',
    ]);
  });

  it('keep odd scores within the meter', () => {
    expect(strengthLevel(-1)).toBe(0);
    expect(strengthLevel(7)).toBe(4);
    expect(strengthLevel(2.6)).toBe(3);
    expect(strengthLevel(Number.NaN)).toBe(0);
    expect(strengthLevel(Number.POSITIVE_INFINITY)).toBe(4);
    expect(strengthLevel(Number.NEGATIVE_INFINITY)).toBe(0);
  });
});

describe('backup dates', () => {
  it('read a daily backup as a calendar day', () => {
    const taken = parseTaken('2026-03-01');
    expect(taken?.withTime).toBe(false);
    expect(describeTaken('2026-03-01', 'fr')).toEqual({ date: '1er mars 2026', time: null });
    expect(describeTaken('2026-11-26', 'en')).toEqual({ date: '26 November 2026', time: null });
  });

  it('read a timed backup as UTC and show it in local time', () => {
    const taken = parseTaken('2026-11-26T13:05:09');
    expect(taken?.withTime).toBe(true);
    expect(taken?.at.getTime()).toBe(Date.UTC(2026, 10, 26, 13, 5, 9));
    // Paris is UTC+1 in November, UTC+2 in summer.
    expect(describeTaken('2026-11-26T13:05:09', 'fr')).toEqual({
      date: '26 novembre 2026',
      time: '14:05',
    });
    expect(describeTaken('2026-07-14T22:30:00', 'en')).toEqual({
      date: '15 July 2026',
      time: '00:30',
    });
  });

  it('refuse what is not a real date', () => {
    for (const bad of [
      '',
      'daily-2026-11-26',
      '2026-02-30',
      '2026-13-01',
      '2026-11-26T24:00:00',
      '2026-11-26 10:00:00',
      '2026-11-26T10:00:00Z',
      '<b>2026</b>',
    ]) {
      expect(parseTaken(bad), bad).toBeNull();
      expect(describeTaken(bad, 'fr'), bad).toBeNull();
    }
  });

  it('list the newest first, whatever the kind, unreadable ones last', () => {
    const list: BackupInfo[] = [
      { id: 'restore-2026-11-20T08-00-00', kind: 'restore', taken: '2026-11-20T08:00:00' },
      { id: 'daily-2026-11-26', kind: 'daily', taken: '2026-11-26' },
      { id: 'odd', kind: 'daily', taken: 'garbage' },
      { id: 'migration-v2-2026-11-26T09-00-00', kind: 'migration', taken: '2026-11-26T09:00:00' },
      { id: 'daily-2026-11-19', kind: 'daily', taken: '2026-11-19' },
    ];
    expect(newestFirst(list).map((b) => b.id)).toEqual([
      'migration-v2-2026-11-26T09-00-00',
      'daily-2026-11-26',
      'restore-2026-11-20T08-00-00',
      'daily-2026-11-19',
      'odd',
    ]);
    expect(list[0]?.id).toBe('restore-2026-11-20T08-00-00');
  });

  it('name each kind', () => {
    expect(fr[BACKUP_KIND_LABELS.daily]).toBe('Quotidienne');
    expect(fr[BACKUP_KIND_LABELS.migration]).toBe('Avant mise à jour');
    expect(fr[BACKUP_KIND_LABELS.restore]).toBe('Avant restauration');
  });
});

describe('screens', () => {
  const locked: VaultStatus = { state: 'locked', remembersThisComputer: true };

  it('follow the vault state', () => {
    expect(screenFor({ state: 'absent', remembersThisComputer: false })).toEqual({
      kind: 'firstRun',
    });
    expect(screenFor({ state: 'unlocked', remembersThisComputer: false }).kind).toBe('open');
    expect(screenFor(locked)).toMatchObject({ kind: 'unlock', autoLocked: false });
    expect(screenFor(locked, { autoLocked: true })).toMatchObject({ autoLocked: true });
  });

  it('try this computer only when the app starts and it remembers the owner', () => {
    expect(screenFor(locked, { starting: true })).toMatchObject({ tryThisComputer: true });
    expect(screenFor(locked)).toMatchObject({ tryThisComputer: false });
    expect(screenFor(locked, { autoLocked: true })).toMatchObject({ tryThisComputer: false });
    expect(
      screenFor({ state: 'locked', remembersThisComputer: false }, { starting: true }),
    ).toMatchObject({ tryThisComputer: false });
    const damaged: VaultStatus = {
      ...locked,
      problem: { code: 'key_file_damaged', message: 'abîmé' },
    };
    expect(screenFor(damaged, { starting: true })).toMatchObject({ tryThisComputer: false });
  });

  it('carry how the vault was opened to the home page', () => {
    const open: VaultStatus = { state: 'unlocked', remembersThisComputer: false };
    expect(screenFor(open)).toEqual({ kind: 'open', status: open, opening: PLAIN_OPENING });
    const opening = { withRecoveryKey: true, restored: { from: 'backup', date: '26 novembre 2026' } } as const;
    expect(screenFor(open, { opening })).toMatchObject({ opening });
    expect(screenFor(locked, { opening })).not.toHaveProperty('opening');
  });

  it('offer the backups first when the vault’s own files are damaged', () => {
    const problem = (code: 'key_file_damaged' | 'vault_corrupted' | 'vault_too_new' | 'io') => ({
      ...locked,
      problem: { code, message: 'm' },
    });
    expect(filesDamaged(locked)).toBe(false);
    expect(filesDamaged(problem('key_file_damaged'))).toBe(true);
    expect(filesDamaged(problem('vault_corrupted'))).toBe(true);
    expect(filesDamaged(problem('vault_too_new'))).toBe(false);
    expect(filesDamaged(problem('io'))).toBe(false);
  });

  it('say a refused keyring in words meant for the recovery key screen', () => {
    expect(fr[keyringProblemText('keyring_unavailable')]).toBe(
      'Le trousseau du système n’a pas pu garder la clé : Carnet vous demandera votre phrase de passe à chaque ouverture. Vous pourrez réessayer dans les Paramètres.',
    );
    expect(keyringProblemText('keyring_mismatch')).toBe('recovery.keyringMismatch');
    // Any other code still gets a sentence that fits the screen.
    expect(keyringProblemText('io')).toBe('recovery.keyringUnavailable');
    for (const key of ['recovery.keyringUnavailable', 'recovery.keyringMismatch'] as const) {
      expect(fr[key]).not.toMatch(/saisissez/);
      expect(en[key]).not.toMatch(/enter your passphrase/);
    }
  });

  it('send only the secret the owner chose', () => {
    expect(chosenSecret('passphrase', 'ma phrase', 'ABCDE')).toEqual({ passphrase: 'ma phrase' });
    expect(chosenSecret('recoveryKey', 'ma phrase', 'ABCDE')).toEqual({ recoveryKey: 'ABCDE' });
  });

  it('know when the vault is open behind them', () => {
    expect(vaultIsOpen(null)).toBe(false);
    expect(vaultIsOpen(screenFor(locked))).toBe(false);
    expect(vaultIsOpen({ kind: 'firstRun' })).toBe(false);
    const status: VaultStatus = { state: 'unlocked', remembersThisComputer: false };
    expect(vaultIsOpen(screenFor(status))).toBe(true);
    expect(vaultIsOpen({ kind: 'recoveryKey', created: { status, recoveryKey: 'X' } })).toBe(true);
  });

  it('send the focus to the input an error is about', () => {
    expect(inputForError({ code: 'wrong_secret', message: 'm' })).toBe('current');
    expect(inputForError({ code: 'passphrase_too_weak', message: 'm' })).toBe('passphrase');
    expect(inputForError({ code: 'invalid_input', field: 'passphrase', message: 'm' })).toBe(
      'passphrase',
    );
    expect(
      inputForError({ code: 'invalid_input', field: 'passphrase_confirmation', message: 'm' }),
    ).toBe('confirmation');
    expect(inputForError({ code: 'invalid_input', field: 'locale', message: 'm' })).toBeNull();
    expect(inputForError({ code: 'io', message: 'm' })).toBeNull();
    expect(inputForError({ code: 'unexpected' })).toBeNull();
  });

  it('show a recovery key in groups of five', () => {
    expect(keyGroups('7KQ2M-9XT4B-ABCDE-FGHJK-MNPQR-STVWX')).toEqual([
      '7KQ2M',
      '9XT4B',
      'ABCDE',
      'FGHJK',
      'MNPQR',
      'STVWX',
    ]);
    expect(keyGroups('7KQ2M 9XT4B\nAB')).toEqual(['7KQ2M', '9XT4B', 'AB']);
    expect(keyGroups('')).toEqual([]);
  });
});
