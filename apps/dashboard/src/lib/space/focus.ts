/**
 * Moves keyboard focus to an element when it appears (an error summary, a success notice), so that screen
 * readers announce it and keyboard users land on it, with or without JavaScript (the `autofocus` attribute
 * covers the no-JavaScript page load).
 */
export function focusOnMount(node: HTMLElement, enabled: boolean = true) {
  if (enabled) queueMicrotask(() => node.focus());
}
