/**
 * Keeps the host page's iframe as tall as the embed's content (embed.js on the host page applies the height).
 *
 * The height is the content's own, measured from `node` (the embed's main element): not
 * `document.documentElement.scrollHeight`, which never drops below the iframe's current height, so a frame that
 * had grown (narrow, wrapped legend) never shrank back and one whose content grew after the first message was
 * left with a scrollbar. A ResizeObserver reports every change of the content's size, whether from the frame
 * getting narrower or wider (the chart re-lays out at its new width), fonts arriving or a details element opening;
 * at most one message per animation frame, and only when the height changed.
 */
export function embedHeight(node: HTMLElement) {
  let last = -1;
  let pending = 0;
  const send = () => {
    pending = 0;
    const style = getComputedStyle(node);
    const body = getComputedStyle(document.body);
    // Bottom of the content in document coordinates, plus the margins that close the page below it.
    const height = Math.ceil(
      node.getBoundingClientRect().bottom +
        window.scrollY +
        parseFloat(style.marginBottom || '0') +
        parseFloat(body.paddingBottom || '0') +
        parseFloat(body.marginBottom || '0'),
    );
    if (height === last) return;
    last = height;
    window.parent?.postMessage(
      {
        type: 'observatoire:resize',
        height,
        width: Math.round(node.getBoundingClientRect().width),
        src: location.href,
      },
      '*',
    );
  };
  const schedule = () => {
    if (!pending) pending = requestAnimationFrame(send);
  };
  const observer = new ResizeObserver(schedule);
  observer.observe(node);
  send();
  return {
    destroy() {
      observer.disconnect();
      if (pending) cancelAnimationFrame(pending);
    },
  };
}
