// Typed calls to the Rust commands. Every request and answer type comes from the generated
// bindings; a failure always arrives as an `IpcError` with a code the screens switch on.
import { invoke } from '@tauri-apps/api/core';
import type { IpcError } from './bindings/IpcError';
import type { Locale } from './bindings/Locale';
import type { Settings } from './bindings/Settings';

/** A failure the UI can show: a coded error from Rust, or `unexpected` for anything else. */
export type UiError = IpcError | { code: 'unexpected'; message?: undefined };

export function isIpcError(e: unknown): e is IpcError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { message?: unknown }).message === 'string'
  );
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const error: UiError = isIpcError(e) ? e : { code: 'unexpected' };
    throw error;
  }
}

export const api = {
  settingsGet: (): Promise<Settings> => call('settings_get'),
  settingsSetLocale: (locale: Locale): Promise<Settings> =>
    call('settings_set_locale', { locale }),
};
