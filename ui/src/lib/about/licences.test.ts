import { describe, expect, it } from 'vitest';
import licences from './licences.json';

describe('the third-party licences the About box lists', () => {
  it('reproduces the notice of the SQLCipher that libsqlite3-sys compiles in (BSD-3-Clause)', () => {
    const sqlcipher = licences.notices.find((n) => n.name.startsWith('SQLCipher'));
    expect(sqlcipher?.licence).toBe('BSD-3-Clause');
    expect(sqlcipher?.text).toContain('Zetetic LLC');
    expect(sqlcipher?.text).toContain('Redistributions in binary form must reproduce');
  });

  it('names the crates, the npm packages and the font', () => {
    expect(licences.crates.length).toBeGreaterThan(100);
    expect(licences.npm.some((p) => p.name === 'svelte')).toBe(true);
    expect(licences.fonts[0]?.name).toBe('Noto Sans');
  });
});
