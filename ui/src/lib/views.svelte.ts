// A page of several views (a list, an item's page, a form) whose list says what was just
// moved to the trash, with "Restore", or just restored. Going to another view clears both
// notices and the last error, and brings the window back to the top.
import { Action } from './action.svelte';

export class ListPage<View, Trashed> {
  /** The view shown. */
  view: View = $state() as View;
  /** The item just moved to the trash, for "Restore". */
  trashed = $state<Trashed | null>(null);
  /** The name of the item just restored. */
  restored = $state<string | null>(null);
  readonly action = new Action();
  /** Bumped to read the list again. */
  revision = $state(0);

  constructor(first: View) {
    this.view = first;
  }

  show(next: View): void {
    this.trashed = null;
    this.restored = null;
    this.action.error = null;
    this.view = next;
    window.scrollTo({ top: 0 });
  }

  /** `restore` (Rust's), then the list read again under a notice naming `label`. */
  async restore(restore: () => Promise<unknown>, label: string): Promise<void> {
    await this.action.attempt(async () => {
      await restore();
      this.trashed = null;
      this.restored = label;
      this.revision += 1;
    });
  }
}
