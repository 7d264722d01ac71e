import { describe, expect, it } from 'vitest';
import { ACTIVITY_INTERVAL_MS, throttle } from './activity';

describe('throttle', () => {
  it('runs the first call, then at most once per interval', () => {
    let clock = 1_000;
    let calls = 0;
    const ping = throttle(() => (calls += 1), ACTIVITY_INTERVAL_MS, () => clock);
    ping();
    expect(calls).toBe(1);
    clock += 10_000;
    ping();
    clock += 19_999;
    ping();
    expect(calls).toBe(1);
    clock += 1;
    ping();
    expect(calls).toBe(2);
    ping();
    expect(calls).toBe(2);
    clock += 45_000;
    ping();
    expect(calls).toBe(3);
  });

  it('runs at once even when the clock starts at zero', () => {
    let calls = 0;
    const ping = throttle(() => (calls += 1), 30_000, () => 0);
    ping();
    ping();
    expect(calls).toBe(1);
  });
});
