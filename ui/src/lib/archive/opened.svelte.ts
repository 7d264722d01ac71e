// The .carnet archive opened from the file manager, by its file name only (Rust keeps the
// path): App.svelte sets it, the "Restore from an archive" form offers to restore it.
export const openedArchive = $state<{ name: string | null }>({ name: null });
