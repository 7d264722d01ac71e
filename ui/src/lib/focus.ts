// Moving the focus when a screen or a step appears, so keyboard and screen-reader users land
// on it (a heading with tabindex="-1", or the first field).

/** Svelte action: focuses the element once it is in the page. */
export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => node.focus());
}
