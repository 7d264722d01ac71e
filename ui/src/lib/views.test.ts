import { afterEach, describe, expect, it, vi } from 'vitest';
import { ListPage } from './views.svelte';

type View = { kind: 'list' } | { kind: 'item'; id: number };

describe('ListPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('clears the notices and the error on another view, and goes back to the top', () => {
    const scrollTo = vi.fn();
    vi.stubGlobal('window', { scrollTo });
    const page = new ListPage<View, { id: number }>({ kind: 'list' });
    page.trashed = { id: 3 };
    page.restored = 'Amazon';
    page.action.error = { code: 'unexpected' };
    page.show({ kind: 'item', id: 3 });
    expect(page.view).toEqual({ kind: 'item', id: 3 });
    expect(page.trashed).toBeNull();
    expect(page.restored).toBeNull();
    expect(page.action.error).toBeNull();
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
  });

  it('says what was restored and reads the list again, or keeps the trashed item on failure', async () => {
    const page = new ListPage<View, { id: number }>({ kind: 'list' });
    page.trashed = { id: 3 };
    await page.restore(() => Promise.reject(new Error('no')), 'Amazon');
    expect(page.trashed).toEqual({ id: 3 });
    expect(page.action.error).not.toBeNull();
    expect(page.revision).toBe(0);
    await page.restore(() => Promise.resolve(), 'Amazon');
    expect(page.trashed).toBeNull();
    expect(page.restored).toBe('Amazon');
    expect(page.revision).toBe(1);
  });
});
