// Where the open vault's window is: the page shown and what it opens on. App.svelte keeps one
// route; the navigation, the application menu and the pages' links ask for another. A page
// or an option misspelt fails `npm run check`. (Named PageRoute: a `Route` is a legal route of
// an incident, generated from Rust.)
import type { Destination } from './bindings/Destination';
import type { SearchForm } from './journal/search';

export type PageRoute =
  /** The vault's own screens (first run, unlock): no vault is open. */
  | { page: 'home' }
  | {
      page: 'journal';
      /** Open this incident's page first (from the dashboard). */
      incident?: number;
      /** Start the list with these filters (from a bar of the dashboard). */
      filter?: Partial<SearchForm>;
      /** Open the new-incident form first (File → New incident, Ctrl+N). */
      newIncident?: boolean;
    }
  | { page: 'company' }
  | { page: 'platforms' }
  | { page: 'dashboard' }
  | {
      page: 'dossiers';
      /** Open on a new dossier for this destination and incident (a route of the guide). */
      dossier?: { destination: Destination; incidentId: number };
    }
  | { page: 'trash' }
  | {
      page: 'settings';
      /** The owner came for a new passphrase (the journal's suggestion after the recovery key). */
      toPassphrase?: boolean;
    };

/** A page of the navigation, with nothing more to open on. */
export type Page = PageRoute['page'];

/** The journal's route: what it opens on. */
export type JournalRoute = Extract<PageRoute, { page: 'journal' }>;
