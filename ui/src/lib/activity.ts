// Telling Rust the owner is active (the auto-lock clock) without a call on every key press.

/** `fn`, called at most once per `intervalMs`: the first call runs, the next ones wait. */
export function throttle(
  fn: () => void,
  intervalMs: number,
  now: () => number = Date.now,
): () => void {
  let last: number | null = null;
  return () => {
    const t = now();
    if (last === null || t - last >= intervalMs) {
      last = t;
      fn();
    }
  };
}

/** At most one activity ping every 30 seconds (the shortest auto-lock delay is a minute). */
export const ACTIVITY_INTERVAL_MS = 30_000;
