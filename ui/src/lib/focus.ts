// Moving the focus when a screen or a step appears, so keyboard and screen-reader users land
// on it (a heading with tabindex="-1", or the first field).

/** Svelte action: focuses the element once it is in the page. */
export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => node.focus());
}

/** Svelte action: focuses the element once it is in the page, when `when` holds (the first
 * field of a step that asks for it, say). */
export function focusOnMountIf(node: HTMLElement, when: boolean): void {
  if (when) focusOnMount(node);
}

/** Brings the input `id` to the middle of the window (its label and message in view, not
 * under the window's edge) and focuses it: where a refused form sends the owner. */
export function focusField(id: string): void {
  const element = document.getElementById(id);
  if (element === null) return;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}
