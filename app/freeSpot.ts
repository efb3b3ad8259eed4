/** A point in chart (model) coordinates. */
export interface Point {
  x: number;
  y: number;
}

/**
 * The free point nearest to `wanted` at least `clearance` away from every occupied point: the
 * wanted point itself when it is free, otherwise the first free point on rings around it (six
 * more points on each ring, so the search spreads evenly). Occupied points are bucketed in a grid
 * of cells one clearance wide, so a chart of 20,000 entities costs one pass to bucket and a few
 * cell look-ups per candidate.
 */
export function findFreeSpot(wanted: Point, occupied: Iterable<Point>, clearance: number): Point {
  if (!(clearance > 0)) return wanted;
  const cells = new Map<string, Point[]>();
  const cellOf = (p: Point) => [Math.floor(p.x / clearance), Math.floor(p.y / clearance)] as const;
  for (const p of occupied) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const [cx, cy] = cellOf(p);
    const key = `${cx},${cy}`;
    const bucket = cells.get(key);
    if (bucket) bucket.push(p);
    else cells.set(key, [p]);
  }
  const isFree = (candidate: Point) => {
    const [cx, cy] = cellOf(candidate);
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        for (const p of cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (Math.hypot(p.x - candidate.x, p.y - candidate.y) < clearance) return false;
        }
      }
    }
    return true;
  };
  if (isFree(wanted)) return wanted;
  // Enough rings to leave any chart: every occupied point lies within this many clearances.
  const maxRing = 2 + Math.ceil(Math.sqrt(cells.size)) * 4;
  for (let ring = 1; ring <= maxRing; ring += 1) {
    const steps = ring * 6;
    for (let step = 0; step < steps; step += 1) {
      const angle = (2 * Math.PI * step) / steps;
      const candidate = { x: wanted.x + ring * clearance * Math.cos(angle), y: wanted.y + ring * clearance * Math.sin(angle) };
      if (isFree(candidate)) return candidate;
    }
  }
  return wanted;
}
