// The incident categories: the tree of carnet-core/data/categories.toml (the file Rust embeds
// and validates), read at build time. No command answers it yet (see the report of issue 4):
// when one does, `builtinCategories` gives way to it, with the same `Catalogue` type.
import type { Axis } from '../bindings/Axis';
import type { Catalogue } from '../bindings/Catalogue';
import type { Category } from '../bindings/Category';
import type { Label } from '../bindings/Label';
import type { Locale } from '../bindings/Locale';
import type { Measure } from '../bindings/Measure';
import BUILTIN_TOML from '../../../../src-tauri/crates/carnet-core/data/categories.toml?raw';

type Value = string | Value[] | { [key: string]: Value };

/** Reads the subset of TOML the data file uses: `[[table]]` headers, `key = value` lines with
 * strings, arrays (on one line or several) and inline tables, `#` comments. Throws, naming
 * the line, on anything else. */
export function parseDataToml(text: string): Record<string, Record<string, Value>[]> {
  const tables: Record<string, Record<string, Value>[]> = {};
  let current: Record<string, Value> | null = null;
  let pending: { key: string; items: Value[] } | null = null;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const fail = (): never => {
      throw new Error(`categories.toml, line ${index + 1}: cannot read ${JSON.stringify(line)}`);
    };
    if (line === '' || line.startsWith('#')) return;
    if (pending !== null) {
      if (line === ']') {
        if (current === null) fail();
        current![pending.key] = pending.items;
        pending = null;
      } else {
        const reader = new Reader(line, fail);
        pending.items.push(...reader.sequence(''));
      }
      return;
    }
    const header = /^\[\[(\w+)\]\]$/.exec(line);
    if (header !== null) {
      current = {};
      (tables[header[1]!] ??= []).push(current);
      return;
    }
    const pair = /^(\w+)\s*=\s*(.+)$/.exec(line);
    if (pair === null || current === null) return fail();
    if (pair[2] === '[') {
      pending = { key: pair[1]!, items: [] };
      return;
    }
    const reader = new Reader(pair[2]!, fail);
    current[pair[1]!] = reader.value();
    reader.end();
  });
  return tables;
}

class Reader {
  private at = 0;
  constructor(
    private readonly s: string,
    private readonly fail: () => never,
  ) {}

  private ws(): void {
    while (this.at < this.s.length && /\s/.test(this.s[this.at]!)) this.at += 1;
  }

  end(): void {
    this.ws();
    if (this.at < this.s.length && this.s[this.at] !== '#') this.fail();
  }

  value(): Value {
    this.ws();
    const c = this.s[this.at];
    if (c === '"') return this.string();
    if (c === '[') {
      this.at += 1;
      return this.sequence(']');
    }
    if (c === '{') return this.table();
    return this.fail();
  }

  /** Values separated by commas, up to `close` (consumed) or the end of the line. */
  sequence(close: string): Value[] {
    const out: Value[] = [];
    for (;;) {
      this.ws();
      if (this.at >= this.s.length || this.s[this.at] === '#') {
        if (close !== '') this.fail();
        return out;
      }
      if (this.s[this.at] === close) {
        this.at += 1;
        return out;
      }
      out.push(this.value());
      this.ws();
      if (this.s[this.at] === ',') this.at += 1;
    }
  }

  private table(): Value {
    this.at += 1;
    const out: { [key: string]: Value } = {};
    for (;;) {
      this.ws();
      if (this.s[this.at] === '}') {
        this.at += 1;
        return out;
      }
      const key = /^\w+/.exec(this.s.slice(this.at));
      if (key === null) return this.fail();
      this.at += key[0].length;
      this.ws();
      if (this.s[this.at] !== '=') return this.fail();
      this.at += 1;
      out[key[0]] = this.value();
      this.ws();
      if (this.s[this.at] === ',') this.at += 1;
    }
  }

  private string(): string {
    let out = '';
    for (this.at += 1; this.at < this.s.length; this.at += 1) {
      const c = this.s[this.at]!;
      if (c === '"') {
        this.at += 1;
        return out;
      }
      if (c === '\\') {
        this.at += 1;
        const e = this.s[this.at];
        out += e === 'n' ? '\n' : e === 't' ? '\t' : (e ?? '');
      } else {
        out += c;
      }
    }
    return this.fail();
  }
}

const text = (v: Value | undefined): string => (typeof v === 'string' ? v : '');
const texts = (v: Value | undefined): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
const label = (t: Record<string, Value>): Label => ({ fr: text(t['fr']), en: text(t['en']) });

/** The catalogue of a data file, in the shape Rust exports it. */
export function catalogueFrom(toml: string): Catalogue {
  const tables = parseDataToml(toml);
  return {
    axes: (tables['axis'] ?? []).map((t) => ({ axis: text(t['code']) as Axis, label: label(t) })),
    groups: (tables['group'] ?? []).map((t) => ({ code: text(t['code']), label: label(t) })),
    categories: (tables['category'] ?? []).map(
      (t): Category => ({
        code: text(t['code']),
        group: text(t['group']),
        label: label(t),
        axes: texts(t['axes']) as Axis[],
        refs: texts(t['refs']),
        contentRefs: texts(t['content_refs']),
        gatekeeperRefs: texts(t['gatekeeper_refs']),
        measures: texts(t['measures']) as Measure[],
        evidence: (Array.isArray(t['evidence']) ? t['evidence'] : []).map((e) =>
          typeof e === 'object' && !Array.isArray(e) ? label(e) : { fr: '', en: '' },
        ),
      }),
    ),
  };
}

let builtin: Catalogue | null = null;

/** The built-in tree (read once). */
export function builtinCategories(): Catalogue {
  builtin ??= catalogueFrom(BUILTIN_TOML);
  return builtin;
}

/** The category `code` in the owner's language, `ACC-02` itself if unknown. */
export function categoryLabel(catalogue: Catalogue, code: string, locale: Locale): string {
  const category = catalogue.categories.find((c) => c.code === code);
  return category === undefined ? code : category.label[locale];
}

/** The categories under their group's label, in the file's order, for a select. */
export function categoryGroups(
  catalogue: Catalogue,
  locale: Locale,
): { label: string; options: { value: string; label: string }[] }[] {
  return catalogue.groups
    .map((g) => ({
      label: g.label[locale],
      options: catalogue.categories
        .filter((c) => c.group === g.code)
        .map((c) => ({ value: c.code, label: c.label[locale] })),
    }))
    .filter((g) => g.options.length > 0);
}

/** The charter axis's label (`A2 · Un échange ouvert…`). */
export function axisLabel(catalogue: Catalogue, axis: Axis, locale: Locale): string {
  const info = catalogue.axes.find((a) => a.axis === axis);
  return info === undefined ? axis : `${axis} · ${info.label[locale]}`;
}
