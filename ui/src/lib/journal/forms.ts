// Putting a refused form's message next to the input it is about: Rust names the `Field`, each
// form maps the fields it sends to its own inputs.
import { tick } from 'svelte';
import type { Field } from '../bindings/Field';
import { focusField } from '../focus';
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

/** A form's inputs and Rust's refusal: the input the error is about (`invalid`), its message
 * there (`errorAt`), each input's id (`<prefix>-<key>`), and the error shown above the form's
 * buttons when it is about no input of the form (`formError`). Reads the action's error each
 * time, so a page's template follows it. */
export class FormErrors<K extends string> {
  constructor(
    private readonly prefix: string,
    private readonly action: { readonly error: UiError | null },
    private readonly fields: Partial<Record<Field, K>>,
  ) {}

  get invalid(): K | null {
    return inputOf(this.action.error, this.fields);
  }

  get formError(): UiError | null {
    return this.invalid === null ? this.action.error : null;
  }

  id = (key: K): string => `${this.prefix}-${key}`;

  errorAt = (key: K): string | null => (this.invalid === key ? (this.action.error?.message ?? null) : null);

  /** What an input takes from the form: its id and Rust's message (`{...at('title')}`). */
  at = (key: K): { id: string; error: string | null } => ({ id: this.id(key), error: this.errorAt(key) });

  /** After a refusal: the focus on the input at fault, once the page shows its message. */
  focusInvalid = async (): Promise<void> => {
    await tick();
    const key = this.invalid;
    if (key !== null) focusField(this.id(key));
  };
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
