/** Delimiters we recognise, in order of preference when the evidence is tied (French exports use `;`). */
export const DELIMITERS = [';', ',', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const MAX_SAMPLE_RECORDS = 200;

/**
 * Counts each candidate delimiter per record of the sample, outside quoted fields (a quoted field may hold line
 * breaks and delimiters), then picks the delimiter whose non-zero count is the most consistent across records:
 * the one whose most frequent count covers the most records, larger counts breaking ties. Title lines, blank
 * lines and a totals row barely move that vote.
 */
export function detectDelimiter(sample: string, fallback: Delimiter = ';'): Delimiter {
  const counts: number[][] = DELIMITERS.map(() => []);
  const current = DELIMITERS.map(() => 0);
  const codes = DELIMITERS.map((d) => d.charCodeAt(0));
  let inQuotes = false;
  let fieldStart = true;
  let records = 0;
  // The last record of the sample may be cut: only count records whose end we saw.
  for (let i = 0; i < sample.length && records < MAX_SAMPLE_RECORDS; i++) {
    const c = sample.charCodeAt(i);
    if (inQuotes) {
      if (c === 0x22) {
        if (sample.charCodeAt(i + 1) === 0x22) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === 0x22 && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      continue;
    }
    if (c === 0x0a || c === 0x0d) {
      if (c === 0x0d && sample.charCodeAt(i + 1) === 0x0a) i++;
      for (let d = 0; d < codes.length; d++) {
        if (current[d] > 0) counts[d].push(current[d]);
        current[d] = 0;
      }
      records++;
      fieldStart = true;
      continue;
    }
    const d = codes.indexOf(c);
    if (d !== -1) {
      current[d]++;
      fieldStart = true;
    } else if (c !== 0x20) {
      fieldStart = false;
    }
  }
  // A one-line sample (header only, no final line break): count that line too.
  if (records === 0) for (let d = 0; d < codes.length; d++) if (current[d] > 0) counts[d].push(current[d]);

  let best: Delimiter = fallback;
  let bestSupport = 0;
  let bestCount = 0;
  for (let d = 0; d < DELIMITERS.length; d++) {
    const freq = new Map<number, number>();
    for (const n of counts[d]) freq.set(n, (freq.get(n) ?? 0) + 1);
    for (const [count, support] of freq) {
      if (support > bestSupport || (support === bestSupport && count > bestCount)) {
        best = DELIMITERS[d];
        bestSupport = support;
        bestCount = count;
      }
    }
  }
  return best;
}
