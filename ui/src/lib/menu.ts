// What each entry of the application menu (built in Rust, in the owner's language) does in
// the page: Rust sends the `menu` event with the action's name, App.svelte listens through
// `listenToMenu` and carries out the step `stepFor` gives.
import type { MenuAction } from './bindings/MenuAction';
import { api } from './ipc';
import type { UnlistenFn } from '@tauri-apps/api/event';

export type MenuStep =
  | { kind: 'journal'; then: 'newIncident' | 'search' }
  | { kind: 'dossiers' }
  | { kind: 'lock' }
  | { kind: 'about'; licences: boolean }
  | { kind: 'diagnostics' }
  | { kind: 'nothing' };

/** The step for an action; what needs the open vault does nothing while it is locked. */
export function stepFor(action: MenuAction, vaultOpen: boolean): MenuStep {
  switch (action) {
    case 'new-incident':
      return vaultOpen ? { kind: 'journal', then: 'newIncident' } : { kind: 'nothing' };
    case 'search':
      return vaultOpen ? { kind: 'journal', then: 'search' } : { kind: 'nothing' };
    case 'export-dossier':
      return vaultOpen ? { kind: 'dossiers' } : { kind: 'nothing' };
    case 'lock':
      return vaultOpen ? { kind: 'lock' } : { kind: 'nothing' };
    case 'about':
      return { kind: 'about', licences: false };
    case 'licences':
      return { kind: 'about', licences: true };
    case 'diagnostics':
      return { kind: 'diagnostics' };
    case 'quit':
      // Rust ends the app itself.
      return { kind: 'nothing' };
  }
}

/** Listens to the menu until the returned function is called. */
export function listenToMenu(onStep: (action: MenuAction) => void): Promise<UnlistenFn> {
  return api.onMenu(onStep);
}

/** Moves the focus to the journal's search box once it is on the page (the journal focuses
 *  its title as it appears: the box takes the focus after that, retried for about 2 s). */
export function focusSearch(tries = 40): void {
  const box = document.getElementById('search-query');
  if (box instanceof HTMLElement && document.activeElement !== box) box.focus();
  if (tries > 0 && !(box instanceof HTMLElement && document.activeElement === box && tries < 38)) {
    setTimeout(() => focusSearch(tries - 1), 50);
  }
}
