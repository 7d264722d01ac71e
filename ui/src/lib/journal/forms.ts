// Putting a refused form's message next to the input it is about: Rust names the `Field`, each
// form maps the fields it sends to its own inputs.
import type { Field } from '../bindings/Field';
import type { UiError } from '../ipc';

/** Which input of a form the error concerns, or `null` when it concerns the form as a whole
 * (the vault locked, a disk problem) or a field this form does not show. */
export function inputOf<K extends string>(
  error: UiError | null,
  fields: Partial<Record<Field, K>>,
): K | null {
  if (error === null || error.code !== 'invalid_input' || error.field === undefined) return null;
  return fields[error.field] ?? null;
}

/** The ids of a field's hint and error paragraphs, `null` for the one it does not show. */
export function noteIds(
  id: string,
  hint: string | undefined,
  error: string | null,
): { hint: string | null; error: string | null } {
  return { hint: hint ? `${id}-hint` : null, error: error ? `${id}-error` : null };
}

/** The ids an input is described by: its hint and its error, when shown. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const kept = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return kept.length === 0 ? undefined : kept.join(' ');
}

/** The entries of an editable list worth sending: trimmed, blanks dropped. */
export function keptEntries(items: readonly string[]): string[] {
  return items.map((s) => s.trim()).filter((s) => s !== '');
}
