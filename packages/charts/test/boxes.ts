import {
  measureText,
  type BarChartGeometry,
  type LegendLayout,
  type LineChartGeometry,
  type StackedAreaGeometry,
} from '../src/index.js';

/** The box a text takes, drawn the way every renderer draws chart text: centred on y (dy = 0.32em). */
export interface Box {
  what: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export function textBox(
  what: string,
  text: string,
  x: number,
  y: number,
  fontSize: number,
  anchor: 'start' | 'middle' | 'end' = 'start',
  bold = false,
): Box {
  const w = measureText(text, fontSize, bold);
  const x0 = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
  // DejaVu Sans: ascender 0.76 em above the baseline, descender 0.24 em below; the baseline is 0.32 em below y.
  return {
    what: `${what} «${text}»`,
    x0,
    x1: x0 + w,
    y0: y + 0.32 * fontSize - 0.76 * fontSize,
    y1: y + 0.56 * fontSize,
  };
}

export function overlaps(a: Box, b: Box, tolerance = 0.5): boolean {
  return a.x0 < b.x1 - tolerance && b.x0 < a.x1 - tolerance && a.y0 < b.y1 - tolerance && b.y0 < a.y1 - tolerance;
}

/** Every pair of boxes that overlap, as readable strings (empty when none do). */
export function collisions(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (overlaps(boxes[i], boxes[j])) out.push(`${boxes[i].what} × ${boxes[j].what}`);
  return out;
}

/** Boxes that leave the rectangle [0, width] × [0, height]. */
export function outside(boxes: Box[], width: number, height: number): string[] {
  return boxes
    .filter((b) => b.x0 < -0.5 || b.y0 < -0.5 || b.x1 > width + 0.5 || b.y1 > height + 0.5)
    .map((b) => `${b.what} [${b.x0.toFixed(1)}, ${b.y0.toFixed(1)}, ${b.x1.toFixed(1)}, ${b.y1.toFixed(1)}]`);
}

export function lineTextBoxes(g: LineChartGeometry | StackedAreaGeometry): Box[] {
  const fs = g.fontSize;
  const boxes: Box[] = [
    ...g.yTicks.map((t) => textBox('y tick', t.label, g.plot.x - 6, t.position, fs, 'end')),
    ...g.xTicks.map((t) => textBox('x tick', t.label, t.position, g.xTickY, fs, 'middle')),
  ];
  if ('lines' in g) {
    for (const l of g.lines) {
      if (!l.endLabel) continue;
      l.endLabel.lines.forEach((line, j) =>
        boxes.push(textBox('end label', line, l.endLabel!.textX, l.endLabel!.lineYs[j], fs)),
      );
    }
    if (g.withheldRow)
      boxes.push(textBox('withheld row', g.withheldRow.label, g.withheldRow.labelX, g.withheldRow.labelY, fs, 'end'));
  }
  return boxes;
}

export function barTextBoxes(g: BarChartGeometry): Box[] {
  const fs = g.fontSize;
  const boxes: Box[] = g.xTicks.map((t) => textBox('x tick', t.label, t.position, g.xTickY, fs, 'middle'));
  const bars = [...g.bars, ...(g.aside?.bars ?? [])];
  for (const b of bars) {
    b.labelLines.forEach((line, j) => boxes.push(textBox('label', line, b.labelX, b.labelYs[j], fs, 'end')));
    if (b.withheld)
      b.withheldLines.forEach((line, j) => boxes.push(textBox('withheld', line, b.valueX, b.withheldYs[j], fs)));
    else if (b.valueLabel) boxes.push(textBox('value', b.valueLabel, b.valueX, b.textY, fs));
  }
  if (g.aside)
    g.aside.headingLines.forEach((l, j) =>
      boxes.push(textBox('aside heading', l, g.aside!.headingX, g.aside!.headingYs[j], fs)),
    );
  return boxes;
}

export function legendBoxes(l: LegendLayout, fontSize: number): Box[] {
  return [
    ...l.items.flatMap((i) => i.lines.map((line, j) => textBox('legend', line, i.textX, i.lineYs[j], fontSize))),
    ...l.headings.flatMap((h) =>
      h.lines.map((line, j) => textBox('heading', line, h.x, h.lineYs[j], fontSize, 'start', true)),
    ),
  ];
}
