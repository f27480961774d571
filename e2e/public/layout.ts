/**
 * Layout checks run in Chromium on the real pages and downloads: the boxes the browser gives every text of a chart
 * (getBBox, in the SVG's own units), so a label cut, run outside the drawing or printed over another shows up
 * whatever the font the browser picked.
 */
import type { Locator, Page } from 'playwright-core';

export interface TextIssues {
  texts: number;
  outside: string[];
  overlaps: string[];
  truncated: string[];
}

/** Texts of one SVG that leave its viewBox, overlap another text, or end in an ellipsis. */
export async function svgTextIssues(svg: Locator): Promise<TextIssues> {
  return svg.evaluate((el) => {
    const root = el as SVGSVGElement;
    const vb = root.viewBox.baseVal;
    const boxes = [...root.querySelectorAll('text')]
      .filter((t) => (t.textContent ?? '').trim() !== '')
      .map((t) => {
        // Box in the SVG's coordinates, whatever transforms (translate, scale) sit between.
        const b = t.getBBox();
        const m = t.getCTM()!;
        const r = root.getCTM()!.inverse().multiply(m);
        const p1 = new DOMPoint(b.x, b.y).matrixTransform(r);
        const p2 = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(r);
        return { text: t.textContent!.trim(), x0: p1.x, y0: p1.y, x1: p2.x, y1: p2.y };
      });
    // Glyph boxes include the line's leading: shrink by a little so stacked lines that merely touch pass.
    const tol = 1.5;
    const outside = boxes
      .filter(
        (b) => b.x0 < vb.x - 0.5 || b.y0 < vb.y - 0.5 || b.x1 > vb.x + vb.width + 0.5 || b.y1 > vb.y + vb.height + 0.5,
      )
      .map((b) => `${b.text} [${b.x0.toFixed(1)},${b.y0.toFixed(1)},${b.x1.toFixed(1)},${b.y1.toFixed(1)}]`);
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.x0 < b.x1 - tol && b.x0 < a.x1 - tol && a.y0 < b.y1 - tol && b.y0 < a.y1 - tol)
          overlaps.push(`${a.text} × ${b.text}`);
      }
    const truncated = boxes.filter((b) => b.text.endsWith('…')).map((b) => b.text);
    return { texts: boxes.length, outside, overlaps, truncated };
  });
}

/** How one series is drawn: colour, dash pattern and marker shape (path data of one marker). */
export interface SeriesLook {
  stroke: string;
  dash: string;
  marker: string;
}

/** The look of each `[data-key]` item under `root`: its line and marker are found by these selectors. */
function looksOf(
  root: Locator,
  at: { item: string; line: string; marker: string },
): Promise<Record<string, SeriesLook>> {
  return root.evaluate((el, sel) => {
    const out: Record<string, SeriesLook> = {};
    for (const item of el.querySelectorAll(sel.item)) {
      const line = item.querySelector(sel.line);
      const marker = item.querySelector(sel.marker);
      out[item.getAttribute('data-key')!] = {
        stroke: line?.getAttribute('stroke') ?? '',
        dash: line?.getAttribute('stroke-dasharray') ?? '',
        marker: marker?.getAttribute('d') ?? '',
      };
    }
    return out;
  }, at);
}

/** How each series of a line chart is drawn. */
export function drawnSeries(svg: Locator): Promise<Record<string, SeriesLook>> {
  return looksOf(svg, { item: '.lines .series', line: ':scope > path', marker: 'path.marker' });
}

/** How a legend draws each series' key (the same three attributes), from the keys' own SVG. */
export function legendKeys(legend: Locator): Promise<Record<string, SeriesLook>> {
  return looksOf(legend, { item: '[data-key]', line: 'svg line, line', marker: 'path' });
}

/** Opens a downloaded SVG document in the page so the browser lays its text out. */
export async function showSvg(page: Page, svg: string): Promise<Locator> {
  await page.setContent(
    `<!doctype html><html lang="fr"><body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body></html>`,
  );
  return page.locator('body > svg');
}
