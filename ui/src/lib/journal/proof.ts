// What proves a piece beyond its fingerprint, in words: its RFC 3161 timestamp (or why it has
// none yet) and, for an imported e-mail, the verdict of its DKIM signature, shown plainly
// whatever it is. The same sentences as the PDF's inventory (carnet-core `journal::proof`).
import type { EmailCheck } from '../bindings/EmailCheck';
import type { Locale } from '../bindings/Locale';
import type { PieceProof } from '../bindings/PieceProof';
import type { MessageKey } from '../i18n/fr';
import { formatLongDate } from '../i18n/format';
import type { Translate } from './checks';

/** `3 décembre 2026 à 14:02:11 UTC` / `3 December 2026 at 14:02:11 UTC`. */
export function utcMoment(iso: string, locale: Locale, tr: Translate): string {
  const at = new Date(iso);
  const utcDay = new Date(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
  return tr('proof.utcMoment', { date: formatLongDate(utcDay, locale), time });
}

/** The timestamp line of a piece; `proofsOn` says why one is missing. */
export function stampText(proof: PieceProof, proofsOn: boolean, locale: Locale, tr: Translate): string {
  if (proof.timestamp !== null) {
    return tr('proof.stamped', {
      at: utcMoment(proof.timestamp.genTime, locale, tr),
      tsa: proof.timestamp.tsaName,
    });
  }
  return tr(proofsOn ? 'proof.stampWaiting' : 'proof.stampOff');
}

const VERDICT_KEYS: Record<EmailCheck['verdict'], MessageKey> = {
  valid: 'proof.dkim.valid',
  signature_broken: 'proof.dkim.broken',
  key_no_longer_published: 'proof.dkim.keyGone',
  no_signature: 'proof.dkim.none',
  not_checked: 'proof.dkim.notChecked',
};

/** `E-mail authentique : signature DKIM valide de amazon.fr, vérifiée le …`, or what is not proven. */
export function emailText(check: EmailCheck, locale: Locale, tr: Translate): string {
  const day = new Date(check.checkedAt);
  const date = formatLongDate(new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()), locale);
  let s = tr(VERDICT_KEYS[check.verdict], { domain: check.domain, date });
  if (check.verdict === 'valid' && !check.aligned) {
    s += tr('proof.dkim.notAligned', { domain: check.domain, from: check.fromDomain ?? '?' });
  }
  if (check.arc !== null) {
    s += tr(check.arc === 'valid' ? 'proof.dkim.arcValid' : 'proof.dkim.arcInvalid');
  }
  return s;
}
