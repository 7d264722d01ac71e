// The deadline checks Rust computes for an incident, in words: a short badge and a sentence.
// Informative wording only — what the dates show and what the texts provide for, never what
// the owner should do.
import type { Check } from '../bindings/Check';
import { ANSWER_LATE_DAYS } from '../bindings/limits';
import type { Locale } from '../bindings/Locale';
import type { MessageKey } from '../i18n/fr';
import { longDate } from './dates';

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

export type Translate = (key: MessageKey, params?: Record<string, string>) => string;

export type CheckText = {
  tone: Tone;
  /** For a badge. */
  short: string;
  /** For the incident's page. */
  long: string;
  /** False while the dates needed are missing. */
  known: boolean;
};

/** An answer awaited this many days or more is worth a look (as Rust's barometer counts it). */
export { ANSWER_LATE_DAYS };

/** `1 jour`, `12 jours` / `1 day`, `12 days`. */
export function days(n: number, t: Translate, locale: Locale): string {
  const rule = new Intl.PluralRules(locale === 'fr' ? 'fr-FR' : 'en-GB').select(n);
  return t(rule === 'one' ? 'unit.day' : 'unit.days', { n: String(n) });
}

export function describeCheck(check: Check, t: Translate, locale: Locale): CheckText {
  const d = (n: number): string => days(n, t, locale);
  const date = (iso: string): string => longDate(iso, locale);
  const text = (tone: Tone, short: MessageKey, long: MessageKey, params: Record<string, string> = {}, known = true): CheckText => ({
    tone,
    short: t(short, params),
    long: t(long, params),
    known,
  });
  switch (check.kind) {
    case 'termsNotice':
    case 'terminationNotice': {
      const terms = check.kind === 'termsNotice';
      const s = check.status;
      if (s.state === 'unknown') {
        return text(
          'neutral',
          terms ? 'check.terms.unknown' : 'check.termination.unknown',
          terms ? 'check.terms.unknownLong' : 'check.termination.unknownLong',
          {},
          false,
        );
      }
      const params = { days: d(s.days), required: d(s.required) };
      return s.state === 'met'
        ? text('good', terms ? 'check.terms.met' : 'check.termination.met', terms ? 'check.terms.metLong' : 'check.termination.metLong', params)
        : text('bad', terms ? 'check.terms.short' : 'check.termination.short', terms ? 'check.terms.shortLong' : 'check.termination.shortLong', params);
    }
    case 'statementOfReasons':
      switch (check.status.state) {
        case 'unknown':
          return text('neutral', 'check.reasons.unknown', 'check.reasons.unknownLong', {}, false);
        case 'received':
          return text('good', 'check.reasons.received', 'check.reasons.receivedLong');
        case 'notReceived':
          return text('bad', 'check.reasons.notReceived', 'check.reasons.notReceivedLong');
      }
      break;
    case 'complaintWindow': {
      const s = check.status;
      switch (s.state) {
        case 'unknown':
          return text('neutral', 'check.window.unknown', 'check.window.unknownLong', {}, false);
        case 'open':
          return text(s.urgent ? 'warn' : 'neutral', 'check.window.open', 'check.window.openLong', {
            date: date(s.closesOn),
            days: d(s.daysLeft),
            from: t(`check.window.from.${s.countedFrom}`),
          });
        case 'closed':
          return text('neutral', 'check.window.closed', 'check.window.closedLong', {
            date: date(s.closedOn),
            from: t(`check.window.from.${s.countedFrom}`),
          });
      }
      break;
    }
    case 'outOfCourtDecision': {
      const s = check.status;
      switch (s.state) {
        case 'pending':
          return text('neutral', 'check.outOfCourt.pending', 'check.outOfCourt.pendingLong', {
            date: date(s.dueOn),
            days: d(s.daysLeft),
          });
        case 'extendable':
          return text('warn', 'check.outOfCourt.extendable', 'check.outOfCourt.extendableLong', {
            date: date(s.extendedDueOn),
            due: date(s.dueOn),
            days: d(s.daysLeft),
          });
        case 'overdue':
          return text('bad', 'check.outOfCourt.overdue', 'check.outOfCourt.overdueLong', {
            date: date(s.dueOn),
            days: d(s.sinceDays),
          });
        case 'decided':
          return text('good', 'check.outOfCourt.decided', 'check.outOfCourt.decidedLong', { days: d(s.days) });
      }
      break;
    }
    case 'answer': {
      const s = check.status;
      return s.state === 'awaiting'
        ? text(s.days >= ANSWER_LATE_DAYS ? 'warn' : 'neutral', 'check.answer.awaiting', 'check.answer.awaitingLong', {
            days: d(s.days),
          })
        : text('good', 'check.answer.answered', 'check.answer.answeredLong', { days: d(s.days) });
    }
  }
  return { tone: 'neutral', short: '', long: '', known: false };
}
