// Backups as the owner reads them: newest first, each with its kind and a local date (and
// time, for those whose name carries one). Rust gives `taken` as `YYYY-MM-DD` (a local day)
// or `YYYY-MM-DDTHH:MM:SS` (UTC).
import type { BackupInfo } from '../bindings/BackupInfo';
import type { BackupKind } from '../bindings/BackupKind';
import type { Locale } from '../bindings/Locale';
import type { MessageKey } from '../i18n/fr';
import { formatLongDate, formatTime } from '../i18n/format';

export const BACKUP_KIND_LABELS: Record<BackupKind, MessageKey> = {
  daily: 'backups.kind.daily',
  migration: 'backups.kind.migration',
  restore: 'backups.kind.restore',
};

export type Taken = { at: Date; withTime: boolean };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MOMENT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** Reads `taken`; `null` when it is not one of the two shapes or not a real date. */
export function parseTaken(taken: string): Taken | null {
  const moment = MOMENT.exec(taken);
  if (moment) {
    const [y, mo, d, h, mi, s] = moment.slice(1).map(Number) as [
      number, number, number, number, number, number,
    ];
    const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    const real =
      at.getUTCFullYear() === y &&
      at.getUTCMonth() === mo - 1 &&
      at.getUTCDate() === d &&
      at.getUTCHours() === h &&
      at.getUTCMinutes() === mi &&
      at.getUTCSeconds() === s;
    return real ? { at, withTime: true } : null;
  }
  const day = DAY.exec(taken);
  if (day) {
    const [y, mo, d] = day.slice(1).map(Number) as [number, number, number];
    const at = new Date(y, mo - 1, d);
    const real = at.getFullYear() === y && at.getMonth() === mo - 1 && at.getDate() === d;
    return real ? { at, withTime: false } : null;
  }
  return null;
}

/** The date part and, when known, the local time of a backup; `null` for an unreadable one. */
export function describeTaken(
  taken: string,
  locale: Locale,
): { date: string; time: string | null } | null {
  const parsed = parseTaken(taken);
  if (parsed === null) return null;
  return {
    date: formatLongDate(parsed.at, locale),
    time: parsed.withTime ? formatTime(parsed.at, locale) : null,
  };
}

/** Newest first, whatever their kind (Rust sorts within each kind only). */
export function newestFirst(backups: readonly BackupInfo[]): BackupInfo[] {
  const key = (b: BackupInfo): number => parseTaken(b.taken)?.at.getTime() ?? -Infinity;
  return [...backups].sort((a, b) => key(b) - key(a) || b.id.localeCompare(a.id));
}
