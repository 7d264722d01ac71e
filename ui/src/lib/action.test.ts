import { describe, expect, it } from 'vitest';
import { Action } from './action.svelte';
import type { UiError } from './ipc';

const refused: UiError = { code: 'invalid_input', message: 'Trop long.', field: 'incident_title' };

/** A promise settled from outside, to look at the action while it runs. */
function pending<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Action.run', () => {
  it('is busy while the work runs and not after it succeeded', async () => {
    const action = new Action();
    const step = pending<void>();
    const done = action.run(() => step.promise);
    expect(action.busy).toBe(true);
    step.resolve();
    expect(await done).toBe(true);
    expect(action.busy).toBe(false);
    expect(action.error).toBeNull();
  });

  it('keeps Rust’s error, hands it to `failed` and is no longer busy', async () => {
    const action = new Action();
    const seen: UiError[] = [];
    const ok = await action.run(
      () => Promise.reject(refused),
      (error) => {
        seen.push(error);
        // The form is usable again when the page puts the focus back.
        expect(action.busy).toBe(false);
      },
    );
    expect(ok).toBe(false);
    expect(action.error).toEqual(refused);
    expect(seen).toEqual([refused]);
    expect(action.busy).toBe(false);
  });

  it('turns anything else thrown into an unexpected error', async () => {
    const action = new Action();
    expect(await action.run(() => Promise.reject(new TypeError('boom')))).toBe(false);
    expect(action.error).toEqual({ code: 'unexpected' });
    expect(action.busy).toBe(false);
  });

  it('ignores a second run while the first is under way', async () => {
    const action = new Action();
    const step = pending<void>();
    let calls = 0;
    const first = action.run(() => {
      calls += 1;
      return step.promise;
    });
    expect(await action.run(async () => void (calls += 1))).toBe(false);
    step.resolve();
    await first;
    expect(calls).toBe(1);
    expect(await action.run(async () => void (calls += 1))).toBe(true);
    expect(calls).toBe(2);
  });

  it('clears the former error when a new run starts', async () => {
    const action = new Action();
    await action.run(() => Promise.reject(refused));
    const step = pending<void>();
    const again = action.run(() => step.promise);
    expect(action.error).toBeNull();
    step.reject(refused);
    await again;
    expect(action.error).toEqual(refused);
  });

  it('is no longer busy when `failed` itself throws, and lets that throw through', async () => {
    const action = new Action();
    const run = action.run(
      () => Promise.reject(refused),
      () => {
        throw new Error('focus failed');
      },
    );
    await expect(run).rejects.toThrow('focus failed');
    expect(action.busy).toBe(false);
    expect(action.error).toEqual(refused);
  });
});

describe('Action.submit', () => {
  it('keeps the page where it is, then runs as run does', async () => {
    const action = new Action();
    let prevented = 0;
    const event = { preventDefault: () => (prevented += 1) } as unknown as SubmitEvent;
    const step = pending<void>();
    const first = action.submit(event, () => step.promise);
    expect(action.busy).toBe(true);
    let ran = false;
    expect(
      await action.submit(event, async () => {
        ran = true;
      }),
    ).toBe(false);
    expect(ran).toBe(false);
    expect(prevented).toBe(2);
    step.resolve();
    expect(await first).toBe(true);
    expect(action.busy).toBe(false);
  });
});

describe('Action.attempt', () => {
  it('keeps the failure without touching busy', async () => {
    const action = new Action();
    const ok = await action.attempt(() => Promise.reject(refused));
    expect(ok).toBe(false);
    expect(action.error).toEqual(refused);
    expect(action.busy).toBe(false);
  });

  it('runs inside a run (a reload after a save)', async () => {
    const action = new Action();
    let reloaded = false;
    await action.run(async () => {
      await action.attempt(async () => void (reloaded = true));
      expect(action.busy).toBe(true);
    });
    expect(reloaded).toBe(true);
    expect(action.busy).toBe(false);
  });
});
