import { edgeElement, nodeElement, type ChartElement } from './chartElements';
import type { CaseRows, ChartData } from './contract';
import type { Annotation, Entity, Link, LinkStrength, NodePosition, Viewport } from './domain';
import type { CaseEdit } from './editing/types';

/**
 * The renderer's one copy of the open chart, keyed by id: entities, links, their evidence
 * summaries, drawn strengths and note counts, positions and callouts. `chart.load` fills it once;
 * after that each `case.edited` delta names the ids it changed, `case.rows` gives those rows as
 * they are now, and `apply` puts them in, saying which chart elements may look different. The cost
 * of an edit follows the edit, not the case.
 *
 * Pure (no DOM, no IPC) so main's property test can drive it with the real handlers and compare it
 * with a full reload.
 */

type Evidence = ChartData['evidence'][string];

/** The ids `case.rows` is asked for after an edit. */
export interface ChartRowsRequest {
  chartId: string;
  entityIds: string[];
  linkIds: string[];
  positionIds: string[];
  annotationIds: string[];
}

/** What applying a delta changed: the elements to rebuild, those to remove, nodes that moved, callouts. */
export interface ChartChange {
  /** Entities whose node may look different (itself, its evidence or notes, or its degree changed). */
  nodes: string[];
  /** Links whose edge may look different. */
  edges: string[];
  /** Entities and links no longer on the chart. */
  removed: string[];
  /** Entities whose stored position changed. */
  moved: string[];
  /** True when a callout was added, changed or removed. */
  annotations: boolean;
}

export class ChartCache {
  readonly chartId: string;
  readonly viewport: Viewport | null;
  /** The latest `case.edited` announcement applied. */
  version: number;
  readonly entities = new Map<string, Entity>();
  readonly links = new Map<string, Link>();
  readonly evidence = new Map<string, Evidence>();
  readonly linkStrengths = new Map<string, LinkStrength>();
  readonly noteCounts = new Map<string, number>();
  readonly positions = new Map<string, NodePosition>();
  readonly annotations = new Map<string, Annotation>();
  /** Links at each entity (either end), for degrees and for what an entity's removal takes with it. */
  private readonly linksAt = new Map<string, Set<string>>();

  constructor(data: ChartData) {
    this.chartId = data.chartId;
    this.viewport = data.viewport;
    this.version = data.version;
    for (const e of data.entities) this.entities.set(e.id, e);
    for (const l of data.links) this.putLink(l);
    for (const [id, value] of Object.entries(data.evidence)) this.evidence.set(id, value);
    for (const [id, value] of Object.entries(data.linkStrengths)) this.linkStrengths.set(id, value);
    for (const [id, value] of Object.entries(data.noteCounts)) this.noteCounts.set(id, value);
    for (const p of data.positions) this.positions.set(p.entityId, p);
    for (const a of data.annotations) this.annotations.set(a.id, a);
  }

  /** What to ask `case.rows` for to bring the cache up to date with an edit. */
  rowsRequest(edit: CaseEdit): ChartRowsRequest {
    const { delta } = edit;
    const all = (ids: { created: string[]; updated: string[]; deleted: string[] }) => [...ids.created, ...ids.updated, ...ids.deleted];
    const entityIds = new Set([...all(delta.entities), ...delta.derived.entities, ...delta.membership]);
    const linkIds = new Set([...all(delta.links), ...delta.derived.links]);
    return {
      chartId: this.chartId,
      entityIds: [...entityIds],
      linkIds: [...linkIds],
      positionIds: [...new Set([...delta.positions, ...delta.entities.created, ...delta.membership])],
      annotationIds: all(delta.annotations),
    };
  }

  /**
   * Puts the rows main returned for a request into the cache: an id asked for and not returned is
   * gone. Returns what the chart must redraw.
   */
  apply(request: ChartRowsRequest, rows: CaseRows, version: number): ChartChange {
    this.version = Math.max(this.version, version);
    const nodes = new Set<string>();
    const edges = new Set<string>();
    const removed = new Set<string>();
    const entities = new Map(rows.entities.map((e) => [e.id, e]));
    const links = new Map(rows.links.map((l) => [l.id, l]));

    for (const id of request.linkIds) {
      const before = this.links.get(id);
      const after = links.get(id);
      // Both ends, before and after: their degree may have changed.
      for (const link of [before, after]) {
        if (!link) continue;
        nodes.add(link.sourceId);
        nodes.add(link.targetId);
      }
      if (before) this.dropLink(before);
      if (after) {
        this.putLink(after);
        edges.add(id);
      } else {
        removed.add(id);
      }
      this.setOrDelete(this.evidence, id, rows.evidence[id]);
      this.setOrDelete(this.noteCounts, id, rows.noteCounts[id]);
      this.setOrDelete(this.linkStrengths, id, after ? rows.linkStrengths[id] : undefined);
    }
    for (const id of request.entityIds) {
      const after = entities.get(id);
      if (after) {
        this.entities.set(id, after);
        nodes.add(id);
      } else if (this.entities.delete(id)) {
        removed.add(id);
        // Main deletes an entity's links with it and names them in the delta; this only guards
        // against an edge left hanging if it did not.
        for (const linkId of [...(this.linksAt.get(id) ?? [])]) {
          const link = this.links.get(linkId);
          if (link) this.dropLink(link);
          removed.add(linkId);
          edges.delete(linkId);
        }
      }
      this.setOrDelete(this.evidence, id, rows.evidence[id]);
      this.setOrDelete(this.noteCounts, id, rows.noteCounts[id]);
    }

    const positions = new Map(rows.positions.map((p) => [p.entityId, p]));
    const moved: string[] = [];
    for (const id of request.positionIds) {
      const before = this.positions.get(id);
      const after = positions.get(id);
      if (after) this.positions.set(id, after);
      else this.positions.delete(id);
      if (after && (!before || before.x !== after.x || before.y !== after.y)) moved.push(id);
    }
    for (const id of removed) this.positions.delete(id);

    const annotations = new Map(rows.annotations.map((a) => [a.id, a]));
    const calloutsBefore = this.annotations.size;
    let calloutsChanged = request.annotationIds.length > 0 || rows.annotations.length > 0;
    for (const id of request.annotationIds) this.setOrDelete(this.annotations, id, annotations.get(id));
    // An entity put (back) on the chart brings its callouts.
    for (const a of rows.annotations) this.annotations.set(a.id, a);
    // An entity deleted, or taken off the chart, takes its callouts off it (stored until it comes back).
    for (const [id, a] of this.annotations) if (a.entityId !== null && removed.has(a.entityId)) this.annotations.delete(id);
    if (this.annotations.size !== calloutsBefore) calloutsChanged = true;

    for (const id of removed) nodes.delete(id);
    for (const id of nodes) if (!this.entities.has(id)) nodes.delete(id);
    return { nodes: [...nodes], edges: [...edges].filter((id) => !removed.has(id)), removed: [...removed], moved, annotations: calloutsChanged };
  }

  /** Links drawn at an entity (both ends on the chart; a loop counts once). */
  degree(entityId: string): number {
    let n = 0;
    for (const id of this.linksAt.get(entityId) ?? []) {
      const link = this.links.get(id);
      if (link && this.entities.has(link.sourceId) && this.entities.has(link.targetId)) n += 1;
    }
    return n;
  }

  /** The elements for some entities and links, exactly as `chartElements` draws them for the whole chart. */
  elementsFor(entityIds: Iterable<string>, linkIds: Iterable<string>): ChartElement[] {
    const out: ChartElement[] = [];
    for (const id of entityIds) {
      const entity = this.entities.get(id);
      if (entity) out.push(nodeElement(entity, this.evidence.get(id)?.citations ?? 0, this.noteCounts.get(id), this.degree(id)));
    }
    for (const id of linkIds) {
      const link = this.links.get(id);
      if (!link || !this.entities.has(link.sourceId) || !this.entities.has(link.targetId)) continue;
      out.push(edgeElement(link, this.evidence.get(id)?.citations ?? 0, this.linkStrengths.get(id), this.noteCounts.get(id)));
    }
    return out;
  }

  /**
   * The cache as `chart.load` returns it, for the readers of whole-chart data (analysis, legend,
   * export). Entities and links keep the order they were first loaded or created in.
   */
  toChartData(): ChartData {
    return {
      chartId: this.chartId,
      entities: [...this.entities.values()],
      links: [...this.links.values()],
      evidence: Object.fromEntries(this.evidence),
      positions: [...this.positions.values()],
      viewport: this.viewport,
      linkStrengths: Object.fromEntries(this.linkStrengths),
      noteCounts: Object.fromEntries(this.noteCounts),
      annotations: [...this.annotations.values()],
      version: this.version,
    };
  }

  private putLink(link: Link): void {
    this.links.set(link.id, link);
    for (const end of [link.sourceId, link.targetId]) {
      let set = this.linksAt.get(end);
      if (!set) {
        set = new Set();
        this.linksAt.set(end, set);
      }
      set.add(link.id);
    }
  }

  private dropLink(link: Link): void {
    this.links.delete(link.id);
    for (const end of [link.sourceId, link.targetId]) {
      const set = this.linksAt.get(end);
      set?.delete(link.id);
      if (set?.size === 0) this.linksAt.delete(end);
    }
  }

  private setOrDelete<V>(map: Map<string, V>, id: string, value: V | undefined): void {
    if (value === undefined) map.delete(id);
    else map.set(id, value);
  }
}
