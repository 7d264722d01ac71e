import { describe, expect, it } from 'vitest';
import type { MenuAction } from './bindings/MenuAction';
import { stepFor } from './menu';

const ALL: MenuAction[] = [
  'new-incident',
  'export-dossier',
  'lock',
  'quit',
  'search',
  'diagnostics',
  'licences',
  'about',
];

describe('menu steps', () => {
  it('leads each action of an open vault where the menu says', () => {
    expect(stepFor('new-incident', true)).toEqual({ kind: 'journal', then: 'newIncident' });
    expect(stepFor('search', true)).toEqual({ kind: 'journal', then: 'search' });
    expect(stepFor('export-dossier', true)).toEqual({ kind: 'dossiers' });
    expect(stepFor('lock', true)).toEqual({ kind: 'lock' });
    expect(stepFor('about', true)).toEqual({ kind: 'about', licences: false });
    expect(stepFor('licences', true)).toEqual({ kind: 'about', licences: true });
    expect(stepFor('diagnostics', true)).toEqual({ kind: 'diagnostics' });
  });

  it('does nothing that needs the vault while it is locked, and Help still works', () => {
    for (const action of ALL) {
      const step = stepFor(action, false);
      expect(['nothing', 'about', 'diagnostics']).toContain(step.kind);
    }
    expect(stepFor('about', false).kind).toBe('about');
    expect(stepFor('quit', true).kind).toBe('nothing');
  });
});
