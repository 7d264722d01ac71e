// The spreadsheet import in the owner's words: the fields a column can fill, the columns to
// choose from, each row's problem, and the owner's choices (mapping, fixed cells, rows left
// out) as Rust's `ImportChoice`. Reading, planning and writing are Rust's (carnet-interop and
// the store); this only shapes the screen.
import type { CellFix } from '../bindings/CellFix';
import type { ImportChoice } from '../bindings/ImportChoice';
import type { MapField } from '../bindings/MapField';
import type { Mapping } from '../bindings/Mapping';
import type { ProblemCode } from '../bindings/ProblemCode';
import type { MessageKey } from '../i18n/fr';
import type { Translate } from './checks';

/** Every field, in the order the screen lists them (carnet-interop's `MapField::ALL`). */
export const MAP_FIELDS: MapField[] = [
  'date',
  'platform',
  'title',
  'description',
  'category',
  'amount',
  'currency',
  'status',
  'reference',
  'url',
];

export const FIELD_LABELS: Record<MapField, MessageKey> = {
  date: 'import.field.date',
  platform: 'import.field.platform',
  title: 'import.field.title',
  description: 'import.field.description',
  category: 'import.field.category',
  amount: 'import.field.amount',
  currency: 'import.field.currency',
  status: 'import.field.status',
  reference: 'import.field.reference',
  url: 'import.field.url',
};

export const PROBLEM_LABELS: Record<ProblemCode, MessageKey> = {
  bad_date: 'import.problem.bad_date',
  missing_date: 'import.problem.missing_date',
  bad_amount: 'import.problem.bad_amount',
  negative_amount: 'import.problem.negative_amount',
  unsupported_currency: 'import.problem.unsupported_currency',
  empty_title: 'import.problem.empty_title',
  missing_platform: 'import.problem.missing_platform',
  invalid: 'import.problem.invalid',
  category_to_classify: 'import.problem.category_to_classify',
  unknown_status: 'import.problem.unknown_status',
  duplicate_row: 'import.problem.duplicate_row',
};

/** The spreadsheet letter of a 0-based column (`0` → `A`, `27` → `AB`). */
export function columnLetter(column: number): string {
  let s = '';
  let c = column;
  for (;;) {
    s = String.fromCharCode(65 + (c % 26)) + s;
    if (c < 26) return s;
    c = Math.floor(c / 26) - 1;
  }
}

/** The choices of a field's column: "not imported", then each column by letter and header. */
export function columnOptions(headers: string[], t: Translate): { value: string; label: string }[] {
  return [
    { value: '', label: t('import.notImported') },
    ...headers.map((h, i) => ({ value: String(i), label: `${columnLetter(i)} — ${h}` })),
  ];
}

/** The column mapped to `field`, as a `<select>` value (`''` when none). */
export function columnOf(mapping: Mapping, field: MapField): string {
  const c = mapping.columns[field];
  return c === undefined ? '' : String(c);
}

/** `mapping` with `field` read from `value` (a column index, or `''` for none). A column
 * holds one field: choosing it for `field` takes it from any other. */
export function withColumn(mapping: Mapping, field: MapField, value: string): Mapping {
  const columns: Mapping['columns'] = {};
  const chosen = value === '' ? undefined : Number(value);
  for (const f of MAP_FIELDS) {
    const c = mapping.columns[f];
    if (f !== field && c !== undefined && c !== chosen) columns[f] = c;
  }
  if (chosen !== undefined && Number.isInteger(chosen) && chosen >= 0) columns[field] = chosen;
  return { ...mapping, columns };
}

/** The key of a fixed cell in the screen's map of fixes. */
export const fixKey = (row: number, field: MapField): string => `${row}:${field}`;

/** The owner's choices as Rust reads them: fixes with a value, rows left out in order. */
export function choiceOf(
  mapping: Mapping,
  fixes: Map<string, string>,
  skipped: Set<number>,
): ImportChoice {
  const cellFixes: CellFix[] = [];
  for (const [key, value] of fixes) {
    const [row, field] = key.split(':');
    if (value.trim() === '') continue;
    cellFixes.push({ row: Number(row), field: field as MapField, value });
  }
  cellFixes.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
  return { mapping, fixes: cellFixes, skipRows: [...skipped].sort((a, b) => a - b) };
}
