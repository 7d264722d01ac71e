// The route guide in words: each route's name, where it stands, its clock, and the dossier
// the "prepare" button makes. The rules and the sentences with their articles are Rust's
// (carnet-core's routes); this only picks the owner's words around them.
import type { Clock } from '../bindings/Clock';
import type { Destination } from '../bindings/Destination';
import type { Locale } from '../bindings/Locale';
import type { Route } from '../bindings/Route';
import type { RouteKind } from '../bindings/RouteKind';
import type { RouteState } from '../bindings/RouteState';
import type { MessageKey } from '../i18n/fr';
import { days, type Tone, type Translate } from './checks';
import { longDate } from './dates';

/** The `source` of a body the owner recorded in the platform's record (carnet-core's
 * `routes::RECORDED_BY_OWNER`). */
export const RECORDED_BY_OWNER = 'owner';

export const ROUTE_LABELS: Record<RouteKind, MessageKey> = {
  notice: 'route.kind.notice',
  internal_complaint: 'route.kind.internal_complaint',
  out_of_court: 'route.kind.out_of_court',
  terms_mediator: 'route.kind.terms_mediator',
  mediateur_entreprises: 'route.kind.mediateur_entreprises',
  dge_report: 'route.kind.dge_report',
  arcom: 'route.kind.arcom',
  courts: 'route.kind.courts',
};

const STATE_LABELS: Record<RouteState['state'], { key: MessageKey; tone: Tone }> = {
  open: { key: 'route.state.open', tone: 'good' },
  notYet: { key: 'route.state.notYet', tone: 'neutral' },
  closed: { key: 'route.state.closed', tone: 'bad' },
  mayNotExist: { key: 'route.state.mayNotExist', tone: 'warn' },
  notApplicable: { key: 'route.state.notApplicable', tone: 'neutral' },
};

/** The state's badge: its words and its tone. */
export function stateBadge(state: RouteState, t: Translate): { text: string; tone: Tone } {
  const s = STATE_LABELS[state.state];
  return { text: t(s.key), tone: s.tone };
}

/** What the state says beyond its badge (what must happen first, why it is closed), if anything. */
export function stateReason(state: RouteState, locale: Locale): string | null {
  switch (state.state) {
    case 'notYet':
      return state.first[locale];
    case 'closed':
    case 'mayNotExist':
      return state.why[locale];
    default:
      return null;
  }
}

/** `Jusqu’au 10 décembre 2026, encore 9 jours — compté à partir du jour où vous avez été informé`. */
export function clockText(clock: Clock, t: Translate, locale: Locale): string {
  const date = longDate(clock.deadline, locale);
  const when =
    clock.daysLeft >= 0
      ? t('route.clock.left', { date, days: days(clock.daysLeft, t, locale) })
      : t('route.clock.past', { date, days: days(-clock.daysLeft, t, locale) });
  return `${when} ${t(`route.from.${clock.countedFrom}`)}`;
}

const DESTINATIONS: readonly Destination[] = [
  'dge_form',
  'mediateur',
  'platform_complaint',
  'out_of_court_body',
  'counterfeit_notice',
  'p2b_mediator',
  'arcom',
];

/** The dossier Carnet can prepare for this route, when it can and the route is open or not yet. */
export function preparable(route: Route): Destination | null {
  if (route.state.state === 'notApplicable' || route.state.state === 'closed') return null;
  const code = route.destinations[0];
  return DESTINATIONS.find((d) => d === code) ?? null;
}

/** The routes to show in full (in Rust's order) and those that do not apply here. */
export function split(routes: Route[]): { shown: Route[]; notApplicable: Route[] } {
  return {
    shown: routes.filter((r) => r.state.state !== 'notApplicable'),
    notApplicable: routes.filter((r) => r.state.state === 'notApplicable'),
  };
}
