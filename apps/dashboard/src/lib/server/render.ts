import { existsSync } from 'node:fs';
import { config } from '@observatoire/config';
import { render } from 'svelte/server';
import { Resvg } from '@resvg/resvg-js';
import type { ChartData } from '$lib/charts/specs.js';
import ExportChart from '$lib/charts/export/ExportChart.svelte';
import { exportLayout, OG_SIZE } from '$lib/charts/export/export.helpers.js';
import { describeChart } from '$lib/charts/describe.js';

let fontFiles: string[] | null = null;
function fonts(): string[] {
  if (!fontFiles) {
    // DejaVu Sans from Debian's fonts-dejavu-core (OBSERVATOIRE_FONT_DIR): the face the chart text is measured with.
    const dir = config().OBSERVATOIRE_FONT_DIR;
    fontFiles = [`${dir}/DejaVuSans.ttf`, `${dir}/DejaVuSans-Bold.ttf`].filter((f) => {
      if (existsSync(f)) return true;
      console.error(`[dashboard] font missing: ${f} (apt-get install fonts-dejavu-core)`);
      return false;
    });
  }
  return fontFiles;
}

/** A fixed-size image: laid out at width × height, rasterised at `zoom`. */
export interface ImageSize {
  width: number;
  height: number;
  zoom: number;
}

/** The sizes social networks show without cropping: 1200 × 675 (16:9) and 1080 × 1080 (square). */
export const SOCIAL_SIZES = {
  '1200x675': { width: 800, height: 450, zoom: 1.5 },
  '1080x1080': { width: 720, height: 720, zoom: 1.5 },
} as const satisfies Record<string, ImageSize>;

/** `og`: true for the Open Graph preview, or any fixed size; false for the natural-height download. */
function sizeOf(og: boolean | ImageSize): ImageSize | null {
  return og === true ? OG_SIZE : og || null;
}

export function chartSvg(data: ChartData, url: string, og: boolean | ImageSize = false): string {
  const size = sizeOf(og);
  const layout = exportLayout(data, size ? { width: size.width, fixedHeight: size.height, url } : { url });
  const { body } = render(ExportChart, { props: { layout, description: describeChart(data) } });
  // Svelte leaves hydration comments in server output; a standalone SVG file does not need them.
  const svg = body.replace(/<!--[^]*?-->/g, '');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}

export function chartPng(data: ChartData, url: string, og: boolean | ImageSize = false): Buffer {
  const svg = chartSvg(data, url, og);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: sizeOf(og)?.zoom ?? 2 },
    font: {
      fontFiles: fonts(),
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
