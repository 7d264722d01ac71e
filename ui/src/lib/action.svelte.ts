// One way to call Rust from a screen: what runs, whether it is still running, and what went
// wrong, as state the page reads. Every failure becomes a `UiError` (never lost, never a raw
// exception), and `busy` always comes back to false, whatever happened.
import { untrack } from 'svelte';
import { asUiError, type UiError } from './ipc';

/** What follows a failure, once `error` holds it: the focus put back on the field at fault,
 * a list emptied, a value put back as it was. */
export type Failed = (error: UiError) => unknown;

export class Action {
  /** An action the owner waits on (`run`) is under way: its button says so. */
  busy = $state(false);
  /** The last failure, until the next call starts (or the page dismisses it). */
  error = $state<UiError | null>(null);

  /**
   * An action the owner waits on (a form sent, a button clicked): ignored while another one
   * runs, `busy` while it runs, the former error cleared first. Resolves to whether `work`
   * succeeded; a failure is in `error`, never thrown, and `failed` then runs with `busy`
   * already false (the form is usable again when the owner is sent back to it).
   */
  async run(work: () => Promise<unknown>, failed?: Failed): Promise<boolean> {
    // Read untracked: a run started from an effect does not make the effect depend on it.
    if (untrack(() => this.busy)) return false;
    this.busy = true;
    let error: UiError | null;
    try {
      error = await this.settle(work);
    } finally {
      this.busy = false;
    }
    return this.after(error, failed);
  }

  /** A form sent: the page stays as it is (the submit's default prevented), then as `run`. */
  async submit(event: SubmitEvent, work: () => Promise<unknown>, failed?: Failed): Promise<boolean> {
    event.preventDefault();
    return this.run(work, failed);
  }

  /**
   * A call nothing waits on (a page reading its data, a refresh, "Restore" in a notice): `busy`
   * is left as it is, so it may run inside `run`. Otherwise as `run`.
   */
  async attempt(work: () => Promise<unknown>, failed?: Failed): Promise<boolean> {
    return this.after(await this.settle(work), failed);
  }

  /** Runs `work` with the former error cleared; its failure, kept as `error`. */
  private async settle(work: () => Promise<unknown>): Promise<UiError | null> {
    this.error = null;
    try {
      await work();
      return null;
    } catch (e) {
      const error = asUiError(e);
      this.error = error;
      return error;
    }
  }

  private async after(error: UiError | null, failed: Failed | undefined): Promise<boolean> {
    if (error === null) return true;
    await failed?.(error);
    return false;
  }
}
