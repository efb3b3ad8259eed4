import type { Core, LayoutOptions } from 'cytoscape';

/** The fCoSE options we use (the extension ships no types). */
export interface FcoseLayoutOptions {
  name: 'fcose';
  quality: 'draft' | 'default' | 'proof';
  randomize: boolean;
  animate: boolean | 'end';
  animationDuration: number;
  fit: boolean;
  padding: number;
  nodeDimensionsIncludeLabels: boolean;
  uniformNodeDimensions: boolean;
  packComponents: boolean;
  nodeSeparation: number;
  nodeRepulsion: number;
  idealEdgeLength: number;
  edgeElasticity: number;
  gravity: number;
  gravityRange: number;
  numIter: number;
  tile: boolean;
  tilingPaddingVertical: number;
  tilingPaddingHorizontal: number;
}

export const FIT_PADDING = 36;

/**
 * A force-directed layout tuned for link charts of tens to a few hundred nodes with labels:
 * edges long enough to carry their labels, strong repulsion so labels do not pile up.
 */
export function fcoseOptions(nodeCount: number, animate: boolean): FcoseLayoutOptions {
  // Larger charts get a little more room per edge so the dense core stays readable.
  const crowding = Math.min(1.6, 1 + Math.max(0, nodeCount - 40) / 200);
  return {
    name: 'fcose',
    quality: 'proof',
    randomize: true,
    animate: animate ? 'end' : false,
    animationDuration: 450,
    fit: true,
    padding: FIT_PADDING,
    nodeDimensionsIncludeLabels: true,
    uniformNodeDimensions: false,
    packComponents: false,
    nodeSeparation: 110,
    nodeRepulsion: 16000 * crowding,
    idealEdgeLength: 95 * crowding,
    edgeElasticity: 0.35,
    gravity: 0.3,
    gravityRange: 3.8,
    numIter: 4000,
    tile: true,
    tilingPaddingVertical: 24,
    tilingPaddingHorizontal: 24,
  };
}

/** Runs a layout over the whole chart; resolves once it has stopped (after any animation). */
export function runLayout(cy: Core, options: FcoseLayoutOptions): Promise<void> {
  return new Promise((resolve) => {
    const layout = cy.layout(options as unknown as LayoutOptions);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}
