// The interface language: one reactive value, the catalogues, and `t()` to read them.
import type { Locale } from '../bindings/Locale';
import { en } from './en';
import { fr, type Catalogue, type MessageKey } from './fr';
import { formatEuros, formatLongDate, frenchSpacing } from './format';

export const catalogues: Record<Locale, Catalogue> = { fr, en };

const current = $state<{ locale: Locale }>({ locale: 'fr' });

export function locale(): Locale {
  return current.locale;
}

export function setLocale(next: Locale): void {
  current.locale = next;
  document.documentElement.lang = next;
}

/** The message `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string> = {}): string {
  return translate(current.locale, key, params);
}

export function translate(
  lang: Locale,
  key: MessageKey,
  params: Record<string, string> = {},
): string {
  const template = lang === 'fr' ? frenchSpacing(catalogues[lang][key]) : catalogues[lang][key];
  // Parameters are inserted after the typography pass: user text is never reshaped.
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The bases `b` of the messages that exist as `b.one` and `b.other`. */
type PluralBase<K> = K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never;
export type PluralKey = PluralBase<MessageKey>;

/** `base.one` or `base.other`, as the current language says for the count `n` (French: 0 and 1
 * are singular), with `{n}` and the other placeholders filled in. */
export function tn(base: PluralKey, n: number, params: Record<string, string> = {}): string {
  return translateCount(current.locale, base, n, params);
}

/** [`tn`] in the language `lang`. */
export function translateCount(
  lang: Locale,
  base: PluralKey,
  n: number,
  params: Record<string, string> = {},
): string {
  const rules = new Intl.PluralRules(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const key = `${base}.${rules.select(n) === 'one' ? 'one' : 'other'}` as MessageKey;
  return translate(lang, key, { n: String(n), ...params });
}

export const date = (d: Date): string => formatLongDate(d, current.locale);
export const euros = (cents: number): string => formatEuros(cents, current.locale);
