// Texts that come with the data (categories, service types), in both languages.
import type { Label } from '../bindings/Label';
import type { Locale } from '../bindings/Locale';

export const pick = (label: Label, locale: Locale): string => label[locale];

/** Text folded for matching what the owner types against names: spaces collapsed, lower case,
 * accents off (`Réclamation` and `reclamation` match). */
export function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/\s+/)
    .filter((w) => w !== '')
    .join(' ')
    .toLowerCase();
}
