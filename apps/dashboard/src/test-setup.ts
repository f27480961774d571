// jsdom has no layout engine, hence no ResizeObserver: Svelte's bind:clientWidth needs the constructor.
// Charts then keep their server-side default width, which is what the component tests assert on.
if (typeof globalThis.ResizeObserver === 'undefined' && typeof window !== 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
