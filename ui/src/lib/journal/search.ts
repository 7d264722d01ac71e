// The journal's search: the box and the filters as the owner sets them, what
// `incidents_search` receives, and a matched passage cut into plain and marked parts (shown
// as text, never as HTML).
import type { Field } from '../bindings/Field';
import type { SearchFilters } from '../bindings/SearchFilters';
import type { SearchSort } from '../bindings/SearchSort';
import type { Snippet } from '../bindings/Snippet';
import type { MessageKey } from '../i18n/fr';
import { isoDate } from './dates';

/** One choice per filter (the commands take lists: a list of one, or none). */
export type SearchForm = {
  query: string;
  platformId: string;
  category: string;
  axis: string;
  status: string;
  /** As typed: `01/03/2026`. */
  from: string;
  to: string;
  sort: SearchSort;
};

export type SearchFormKey = keyof SearchForm;

export const SEARCH_FIELDS: Partial<Record<Field, SearchFormKey>> = {
  search_query: 'query',
  search_platforms: 'platformId',
  search_categories: 'category',
  search_axes: 'axis',
  search_statuses: 'status',
  search_period: 'from',
  search_sort: 'sort',
};

export const SORTS: readonly SearchSort[] = ['relevance', 'recent', 'oldest', 'title', 'amount'];
export const SORT_LABELS: Record<SearchSort, MessageKey> = {
  relevance: 'search.sort.relevance',
  recent: 'search.sort.recent',
  oldest: 'search.sort.oldest',
  title: 'search.sort.title',
  amount: 'search.sort.amount',
};

export function emptySearch(): SearchForm {
  return { query: '', platformId: '', category: '', axis: '', status: '', from: '', to: '', sort: 'relevance' };
}

/** Whether anything narrows the list (the sort does not). */
export function isFiltered(form: SearchForm): boolean {
  return (
    form.query.trim() !== '' ||
    form.platformId !== '' ||
    form.category !== '' ||
    form.axis !== '' ||
    form.status !== '' ||
    form.from.trim() !== '' ||
    form.to.trim() !== ''
  );
}

/** What `incidents_search` receives for this form. */
export function searchArgs(form: SearchForm): { query: string; filters: SearchFilters; sort: SearchSort } {
  const filters: SearchFilters = {};
  if (form.platformId !== '') filters.platformIds = [Number(form.platformId)];
  if (form.category !== '') filters.categories = [form.category];
  if (form.axis !== '') filters.axes = [form.axis];
  if (form.status !== '') filters.statuses = [form.status];
  const from = isoDate(form.from);
  const to = isoDate(form.to);
  if (from !== '') filters.from = from;
  if (to !== '') filters.to = to;
  return { query: form.query.trim(), filters, sort: form.sort };
}

/** The snippet's text as parts, the matched ones marked. Marks out of range or overlapping are
 * clipped rather than trusted. */
export function snippetParts(snippet: Snippet): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  const text = snippet.text;
  let at = 0;
  for (const mark of [...snippet.marks].sort((a, b) => a.start - b.start)) {
    const start = Math.max(at, Math.min(mark.start, text.length));
    const end = Math.max(start, Math.min(mark.end, text.length));
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    if (end > start) parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
