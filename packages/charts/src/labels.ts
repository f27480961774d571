/**
 * Places label boxes along one axis (the y of direct labels) as close as possible to their anchors with no two
 * overlapping: labels are merged into clusters, each cluster centred on the mean of its anchors and clamped to
 * [min, max], and clusters that touch are merged again until none overlap (least-squares displacement within a
 * cluster). Returns the centre of each box, in input order. When the boxes need more room than max − min they
 * start at `min` and run past `max`: callers grow the space first (`stackHeight`).
 */
export function placeLabels(
  items: { anchor: number; height: number }[],
  gap: number,
  min: number,
  max: number,
): number[] {
  interface Cluster {
    members: number[];
    /** Sum of heights and gaps. */
    size: number;
    top: number;
  }
  const order = items.map((_, i) => i).sort((a, b) => items[a].anchor - items[b].anchor || a - b);
  const settle = (c: Cluster) => {
    // Offsets of each member's centre from the cluster top; the best top puts the mean centre on the mean anchor.
    let offset = 0;
    let sum = 0;
    for (const i of c.members) {
      sum += items[i].anchor - (offset + items[i].height / 2);
      offset += items[i].height + gap;
    }
    const ideal = sum / c.members.length;
    c.top = Math.max(min, Math.min(ideal, max - c.size));
  };
  const clusters: Cluster[] = [];
  for (const i of order) {
    const c: Cluster = { members: [i], size: items[i].height, top: 0 };
    settle(c);
    clusters.push(c);
    // Merge backwards while the new cluster overlaps the one above it.
    while (clusters.length > 1) {
      const last = clusters[clusters.length - 1];
      const prev = clusters[clusters.length - 2];
      if (prev.top + prev.size + gap <= last.top + 1e-9) break;
      prev.members.push(...last.members);
      prev.size += gap + last.size;
      clusters.pop();
      settle(prev);
    }
  }
  const out = new Array<number>(items.length);
  for (const c of clusters) {
    let y = c.top;
    for (const i of c.members) {
      out[i] = y + items[i].height / 2;
      y += items[i].height + gap;
    }
  }
  return out;
}

/** Room a column of boxes needs: their heights plus the gaps between them. */
export function stackHeight(heights: number[], gap: number): number {
  return heights.reduce((s, h) => s + h, 0) + gap * Math.max(0, heights.length - 1);
}
