import type { BoundingBox12, Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { ChartAnnotation } from '../../app/export/annotations';
import { type ExportChart, type ExportEdge, type ExportNode, type Point } from '../../app/export/chartScene';
import { normaliseColour, type ExportScope } from '../../app/export/pageLayout';
import type { Annotation } from '../../app/domain';
import { entityTypeDefinition } from '../../app/entityTypes';
import type { LinkTypeDefinition } from '../../app/linkTypes';
import { CHART_COLOURS, toneColour } from '../chart/stylesheet';

/** Edge widths as the stylesheet draws links (hostile links a little heavier). */
export const EDGE_WIDTH = { normal: 1.4, hostile: 1.8 } as const;

function intersects(a: BoundingBox12, b: BoundingBox12): boolean {
  return a.x1 <= b.x2 && b.x1 <= a.x2 && a.y1 <= b.y2 && b.y1 <= a.y2;
}

function point(p: { x: number; y: number } | undefined): Point | null {
  return p && Number.isFinite(p.x) && Number.isFinite(p.y) ? { x: p.x, y: p.y } : null;
}

function tone(edge: EdgeSingular): LinkTypeDefinition['tone'] {
  const value: unknown = edge.data('tone');
  return value === 'hostile' || value === 'neutral' ? value : 'affiliation';
}

/** The nodes an export of this scope shows: visible ones; in the view; or selected (with the ends of selected links). */
function scopeNodes(cy: Core, scope: ExportScope): NodeSingular[] {
  const visible: NodeSingular[] = [];
  cy.nodes().forEach((n) => {
    if (n.visible()) visible.push(n);
  });
  if (scope === 'chart') return visible;
  if (scope === 'view') {
    const extent = cy.extent();
    return visible.filter((n) => intersects(n.boundingBox({ includeLabels: false, includeOverlays: false }), extent));
  }
  const chosen = new Set<string>();
  cy.nodes(':selected').forEach((n) => {
    if (n.visible()) chosen.add(n.id());
  });
  cy.edges(':selected').forEach((e) => {
    if (!e.visible()) return;
    chosen.add(e.source().id());
    chosen.add(e.target().id());
  });
  return visible.filter((n) => chosen.has(n.id()));
}

/**
 * The chart as an export sees it, read from the live Cytoscape instance: positions, sizes and the
 * link geometry Cytoscape computed (ends on the node borders, bezier control points of parallel
 * links and loops, label midpoints). Colours come from the case data, not from what is on screen:
 * selection and emphasis are UI state and stay out of the image.
 */
export function readChartForExport(cy: Core, scope: ExportScope, annotations: readonly ChartAnnotation[] = []): ExportChart {
  const nodeList = scopeNodes(cy, scope);
  const inImage = new Set(nodeList.map((n) => n.id()));
  const selectedEdges = scope === 'selection' ? new Set(cy.edges(':selected').map((e) => e.id())) : null;

  const nodes: ExportNode[] = nodeList.map((node) => {
    const type = entityTypeDefinition(String(node.data('typeKey') ?? node.data('type') ?? 'other'));
    const position = node.position();
    return {
      id: node.id(),
      label: String(node.data('label') ?? ''),
      typeId: type.id,
      x: position.x,
      y: position.y,
      width: node.width(),
      height: node.height(),
      // The analyst's colour for this entity when set (node[color] on screen), else its type's.
      fill: normaliseColour(String(node.data('color') ?? '')) ?? type.color,
      unsourced: node.hasClass('unsourced'),
    };
  });

  const edges: ExportEdge[] = [];
  cy.edges().forEach((edge) => {
    if (!edge.visible()) return;
    if (!inImage.has(edge.source().id()) || !inImage.has(edge.target().id())) return;
    // A selection export holds the selected links, and the links among the selected nodes.
    if (selectedEdges && !selectedEdges.has(edge.id()) && !(edge.source().selected() && edge.target().selected())) return;
    const source = point(edge.sourceEndpoint());
    const target = point(edge.targetEndpoint());
    if (!source || !target) return;
    const controls = (edge.controlPoints() ?? []).map(point).filter((p): p is Point => p !== null);
    const midpoint = point(edge.midpoint());
    const linkTone = tone(edge);
    const strength: unknown = edge.data('strength');
    edges.push({
      id: edge.id(),
      label: String(edge.data('label') ?? ''),
      tone: linkTone,
      directed: edge.hasClass('directed'),
      unsourced: edge.hasClass('unsourced'),
      ...(strength === 'confirmed' || strength === 'unconfirmed' || strength === 'tentative' ? { strength } : {}),
      colour: toneColour(linkTone),
      width: linkTone === 'hostile' ? EDGE_WIDTH.hostile : EDGE_WIDTH.normal,
      source,
      target,
      controls,
      ...(midpoint ? { midpoint } : {}),
    });
  });

  return { nodes, edges, annotations: [...annotations] };
}

/**
 * The chart's callouts as export annotations (notes): one tied to an entity sits at its offset from
 * that entity's node; one whose entity is not in the image is left out with it.
 */
export function calloutsForExport(cy: Core, callouts: readonly Annotation[], scope: ExportScope): ChartAnnotation[] {
  const inImage = new Set(scopeNodes(cy, scope).map((n) => n.id()));
  const notes: ChartAnnotation[] = [];
  for (const callout of callouts) {
    let x = callout.x;
    let y = callout.y;
    if (callout.entityId !== null) {
      const node = cy.getElementById(callout.entityId);
      if (node.empty() || !inImage.has(callout.entityId)) continue;
      x += node.position('x');
      y += node.position('y');
    } else if (scope !== 'chart') {
      // A free callout goes with the view when it is in it; a selection has none.
      if (scope === 'selection') continue;
      const e = cy.extent();
      if (x < e.x1 || x > e.x2 || y < e.y1 || y > e.y2) continue;
    }
    notes.push({ kind: 'note', id: callout.id, x, y, width: 180, text: callout.text });
  }
  return notes;
}

/** The chart's background in the app's theme (what "Theme" exports). */
export function themeBackground(cy: Core): string {
  const container = cy.container();
  return container ? getComputedStyle(container).backgroundColor : CHART_COLOURS.labelBackground;
}

/** How many nodes each scope would export now (for the dialog). */
export function scopeCounts(cy: Core): Record<ExportScope, number> {
  return { chart: scopeNodes(cy, 'chart').length, view: scopeNodes(cy, 'view').length, selection: scopeNodes(cy, 'selection').length };
}
