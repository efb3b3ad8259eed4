/** What the reference pages get from the benchmark and what they expose to it. */
export interface ReferenceGraph {
  nodes: { id: string; label: string; x: number; y: number }[];
  edges: { id: string; source: string; target: string }[];
}

export interface ReferenceWindow {
  /** The graph, as one JSON string (the same way the app's replies cross). */
  __benchGraphJson: () => Promise<string>;
  /** Applies viewport step `i` (zoom in or out, pan) and resolves once the renderer drew it. */
  __benchStep?: (i: number) => Promise<void>;
  __benchReady?: boolean;
}

export const MARK_REFERENCE_FRAME = 'bench-first-frame';

/** The viewport change of step i: zoom in, pan, zoom out, pan back (the chart ends where it began). */
export function stepChange(i: number): { zoom: number; panX: number; panY: number } {
  switch (i % 4) {
    case 0:
      return { zoom: 1.25, panX: 0, panY: 0 };
    case 1:
      return { zoom: 1, panX: 60, panY: 40 };
    case 2:
      return { zoom: 0.8, panX: 0, panY: 0 };
    default:
      return { zoom: 1, panX: -60, panY: -40 };
  }
}
