/** A node with the box it covers on the chart (disc and label), relative to its position. */
export interface NodeBox {
  id: string;
  x: number;
  y: number;
  /** Extents from the position: left and top are negative or zero, right and bottom positive or zero. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Moves nodes apart until no two boxes (disc plus label) overlap, each pair by the least distance
 * that separates them, along the axis where they overlap least. Force-directed layouts leave
 * labels piled on each other around hubs; this pass is what makes every label readable.
 * Sweep-and-prune on x keeps a round near O(n log n) for charts that are mostly separated.
 */
export function separateBoxes(boxes: readonly NodeBox[], gap = 4, maxRounds = 80): Map<string, Point> {
  const moved = boxes.map((b) => ({ ...b }));
  const items = [...moved];
  for (let round = 0; round < maxRounds; round++) {
    let changed = false;
    items.sort((a, b) => a.x + a.left - (b.x + b.left));
    for (let i = 0; i < items.length; i++) {
      const a = items[i];
      if (!a) continue;
      for (let j = i + 1; j < items.length; j++) {
        const b = items[j];
        if (!b) continue;
        if (b.x + b.left >= a.x + a.right + gap) break;
        const overlapX = Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x + a.left, b.x + b.left) + gap;
        const overlapY = Math.min(a.y + a.bottom, b.y + b.bottom) - Math.max(a.y + a.top, b.y + b.top) + gap;
        if (overlapX <= 0 || overlapY <= 0) continue;
        changed = true;
        if (overlapX < overlapY) {
          const direction = centreX(b) >= centreX(a) ? 1 : -1;
          a.x -= (direction * overlapX) / 2;
          b.x += (direction * overlapX) / 2;
        } else {
          const direction = centreY(b) >= centreY(a) ? 1 : -1;
          a.y -= (direction * overlapY) / 2;
          b.y += (direction * overlapY) / 2;
        }
      }
    }
    if (!changed) break;
  }
  return new Map(moved.map((b) => [b.id, { x: b.x, y: b.y }]));
}

const centreX = (b: NodeBox) => b.x + (b.left + b.right) / 2;
const centreY = (b: NodeBox) => b.y + (b.top + b.bottom) / 2;

/** Pairs of boxes that overlap (for tests and diagnostics). */
export function countOverlaps(boxes: readonly NodeBox[]): number {
  let count = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (!a || !b) continue;
      if (a.x + a.left < b.x + b.right && b.x + b.left < a.x + a.right && a.y + a.top < b.y + b.bottom && b.y + b.top < a.y + a.bottom) count++;
    }
  }
  return count;
}

/**
 * Reshapes a layout towards the window's proportions: a force-directed layout comes out in any
 * shape, and a wide layout in a tall window is fitted at a small zoom (small labels). Stretches
 * one axis and shrinks the other by the same factor (area kept, at most `maxFactor`), about the
 * layout's centre. Overlaps this creates are for separateBoxes to clear afterwards.
 */
export function stretchToAspect(boxes: readonly NodeBox[], targetAspect: number, maxFactor = 1.3): NodeBox[] {
  if (boxes.length < 2 || !(targetAspect > 0)) return boxes.map((b) => ({ ...b }));
  let x1 = Infinity;
  let x2 = -Infinity;
  let y1 = Infinity;
  let y2 = -Infinity;
  for (const b of boxes) {
    x1 = Math.min(x1, b.x + b.left);
    x2 = Math.max(x2, b.x + b.right);
    y1 = Math.min(y1, b.y + b.top);
    y2 = Math.max(y2, b.y + b.bottom);
  }
  const aspect = (x2 - x1) / Math.max(1, y2 - y1);
  const factor = Math.min(maxFactor, Math.max(1 / maxFactor, Math.sqrt(targetAspect / aspect)));
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  return boxes.map((b) => ({ ...b, x: cx + (b.x - cx) * factor, y: cy + (b.y - cy) / factor }));
}
