import { isPartialDate, LINK_STRENGTHS, type CaseDocument, type LinkStrength } from '../domain';
import { addEvidence, type Evidence } from './caseJson';
import { evidenceElements, readEvidence } from './evidenceXml';
import {
  emptyGraph,
  hexColourOrUndefined,
  InterchangeError,
  isUuid,
  putAttribute,
  type GraphEntity,
  type GraphLink,
  type ImportFormat,
  type InterchangeGraph,
  type ParseLimits,
} from './graph';
import { entityTypeDefinition } from '../entityTypes';
import { linkTypeDefinition } from '../linkTypes';
import { childrenNamed, escapeXmlText, firstChild, readXml, xmlAttributes, type XmlElement } from './xml';
import {
  attributeColumns,
  exportedAttributeName,
  hexColour,
  importedAttributeName,
  positionsOf,
  RESERVED,
  typedValue,
  type ValueKind,
} from './xmlGraph';

interface KeyDef {
  for: string;
  name: string;
  type: string | undefined;
  default: string | undefined;
  /** yFiles' graphics keys (nodegraphics, edgegraphics, resources) hold markup, not values. */
  yfilesType: string | undefined;
}

/** A node's `<data>` elements that hold markup rather than text (Maltego keeps its entities so). */
export type NodeMarkupReader = (node: XmlElement, entity: GraphEntity, graph: InterchangeGraph) => void;

/** An edge's markup data, as above. */
export type EdgeMarkupReader = (edge: XmlElement, link: GraphLink, graph: InterchangeGraph) => void;

const LABEL_NAMES = ['label', 'name', 'edge label', 'title'];

/** The graph data key by which our export says its x and y keys are Gephi's (y upwards). */
const Y_AXIS_KEY = 'awb.yAxis';

/**
 * Reads GraphML (GraphML 1.0: keys, data, parallel edges, per-edge direction, nested graphs) into a
 * graph, with what yEd draws (labels, positions, sizes, fills, edge labels, arrows, groups) where the
 * file carries yFiles graphics.
 */
export function decodeGraphml(
  text: string,
  limits: ParseLimits,
  options: { format?: ImportFormat; readNodeMarkup?: NodeMarkupReader; readEdgeMarkup?: EdgeMarkupReader; yedGraphics?: boolean } = {},
): InterchangeGraph {
  const yed = options.yedGraphics ?? true;
  const root = readXml(text, limits);
  if (root.name !== 'graphml') throw new InterchangeError(`This is not a GraphML file: its root element is <${root.name}>, not <graphml>`);
  const graph = emptyGraph(options.format ?? 'graphml');
  const graphs = childrenNamed(root, 'graph');
  const main = graphs[0];
  if (!main) throw new InterchangeError('This GraphML file has no <graph> element');
  if (graphs.length > 1) graph.skipped.push({ what: `${graphs.length - 1} further <graph> elements`, reason: 'only the first graph of a file is imported' });

  // Keys belong before the first <graph>, but writers also declare them inside one (and yEd's
  // nested graphs share the document's keys): every declaration in the document counts.
  const keys = new Map<string, KeyDef>();
  const declareKeys = (element: XmlElement) => {
    for (const key of childrenNamed(element, 'key')) {
      const id = key.attributes.get('id');
      if (id === undefined) continue;
      const def = childrenNamed(key, 'default')[0];
      keys.set(id, {
        for: key.attributes.get('for') ?? 'all',
        name: key.attributes.get('attr.name') ?? id,
        type: key.attributes.get('attr.type'),
        default: def?.text,
        yfilesType: key.attributes.get('yfiles.type'),
      });
    }
  };
  declareKeys(root);
  const nestedGraphs: XmlElement[] = [];
  for (const stack = [main]; stack.length > 0; ) {
    const g = stack.pop() as XmlElement;
    nestedGraphs.push(g);
    declareKeys(g);
    for (const node of childrenNamed(g, 'node')) stack.push(...childrenNamed(node, 'graph'));
  }

  const defaultsFor = (kind: string) => [...keys.values()].filter((def) => (def.for === kind || def.for === 'all') && def.default !== undefined && def.yfilesType === undefined);

  const dataOf = (element: XmlElement, kind: string): Map<string, string> => {
    const values = new Map<string, string>();
    for (const def of defaultsFor(kind)) values.set(def.name, def.default as string);
    for (const data of childrenNamed(element, 'data')) {
      const keyId = data.attributes.get('key');
      if (keyId === undefined || data.children.length > 0) continue;
      const def = keys.get(keyId);
      if (def?.yfilesType !== undefined) continue;
      values.set(def?.name ?? keyId, data.text);
    }
    return values;
  };
  const typeOf = (name: string, kind: string): string | undefined => {
    for (const def of keys.values()) if (def.name === name && (def.for === kind || def.for === 'all')) return def.type;
    return undefined;
  };

  let evidence: Evidence | null = null;
  // Our exports since the y axis was declared write y upwards, as Gephi reads it; older ones wrote chart coordinates.
  let ourYUp = false;
  for (const data of childrenNamed(main, 'data')) {
    const def = keys.get(data.attributes.get('key') ?? '');
    if (def?.name === RESERVED.evidence) evidence = readEvidence(data, limits);
    if (def?.name === Y_AXIS_KEY && data.text.trim() === 'up') ourYUp = true;
  }
  // The graph's own description (GraphML's <desc>, yEd's "Description" key) becomes a note on the case.
  const caseDescriptions = [firstChild(main, 'desc')?.text, ...childrenNamed(main, 'data').filter((d) => keys.get(d.attributes.get('key') ?? '')?.name.toLowerCase() === 'description').map((d) => d.text)];
  for (const body of caseDescriptions) if (body?.trim()) graph.notes.push({ target: { kind: 'case' }, body: body.trim(), author: null, credibility: null });

  const nodeKeys = new Map<string, string>();
  const usedKeys = new Set<string>();
  const edges: { edge: XmlElement; edgeDefault: string }[] = [];
  let hyperedges = 0;
  /** Reads one graph's nodes (and, through group nodes, the graphs nested in them) in document order. */
  const readGraph = (g: XmlElement, group: GraphEntity | undefined) => {
    const edgeDefault = g.attributes.get('edgedefault') ?? 'directed';
    for (const child of g.children) {
      if (child.name === 'edge') edges.push({ edge: child, edgeDefault });
      else if (child.name === 'hyperedge') hyperedges++;
      if (child.name !== 'node') continue;
      const node = child;
      const nodeId = node.attributes.get('id');
      if (nodeId === undefined) {
        graph.skipped.push({ what: `a node at line ${node.line}`, reason: 'it has no id' });
        continue;
      }
      if (nodeKeys.has(nodeId)) {
        graph.skipped.push({ what: `node ${nodeId} (line ${node.line})`, reason: 'another node has the same id' });
        continue;
      }
      const values = dataOf(node, 'node');
      const ours = !yed || isOurs(values);
      const entity = entityFromValues(nodeId, values, (name) => typeOf(name, 'node'), graph.warnings);
      if (entity.id !== undefined && usedKeys.has(entity.id)) delete entity.id;
      entity.key = entity.id ?? `node:${nodeId}`;
      entity.locator = `node ${nodeId}, line ${node.line}`;
      // Plain x and y keys are Gephi's (its GraphML exporter writes a node's x and y as it draws
      // them, y upwards, as in GEXF); the chart's y grows downwards. Our own export says which way
      // its y points. yFiles geometry, read next, is y-down already and wins where the file has it.
      if ((!ours || ourYUp) && entity.position) entity.position = { x: entity.position.x, y: flipY(entity.position.y) };
      // Our own export carries everything in data keys; of its yFiles graphics, only what yEd changed counts.
      if (!ours) readYedNode(node, values, entity, keys, graph.warnings);
      else if (yed) readYedEdits(node, entity, keys);
      if (!ours && group !== undefined && entity.attributes.group === undefined) putAttribute(entity.attributes, 'group', group.label);
      options.readNodeMarkup?.(node, entity, graph);
      if (usedKeys.has(entity.key)) {
        // Markup that names an id another node already has: the node keeps its own.
        delete entity.id;
        entity.key = `node:${nodeId}`;
      }
      usedKeys.add(entity.key);
      nodeKeys.set(nodeId, entity.key);
      graph.entities.push(entity);
      if (graph.entities.length > limits.maxItems) throw new InterchangeError(`This file has more than ${limits.maxItems} nodes`);
      for (const nested of childrenNamed(node, 'graph')) readGraph(nested, entity);
    }
  };
  readGraph(main, undefined);
  if (hyperedges > 0) graph.skipped.push({ what: `${hyperedges} hyperedges`, reason: 'hyperedges have no equivalent in a link chart' });

  let index = 0;
  for (const { edge, edgeDefault } of edges) {
    index++;
    let source = edge.attributes.get('source');
    let target = edge.attributes.get('target');
    const edgeId = edge.attributes.get('id') ?? `#${index}`;
    if (source === undefined || target === undefined || !nodeKeys.has(source) || !nodeKeys.has(target)) {
      graph.skipped.push({ what: `edge ${edgeId} (line ${edge.line})`, reason: `it joins a node that is not in the file (${source ?? '?'} → ${target ?? '?'})` });
      continue;
    }
    const values = dataOf(edge, 'edge');
    const ours = !yed || isOurs(values);
    const directedAttr = edge.attributes.get('directed');
    let directed = directedAttr !== undefined ? directedAttr === 'true' : edgeDefault === 'directed';
    const link = linkFromValues(values, (name) => typeOf(name, 'edge'), graph.warnings);
    if (!ours) {
      const drawn = readYedEdge(edge, values, link, keys);
      if (drawn.arrows === 'none') directed = false;
      else if (drawn.arrows === 'reversed') [source, target] = [target, source];
      else if (drawn.arrows === 'forward') directed = true;
    }
    let key = link.id ?? `edge:${edgeId}`;
    if (usedKeys.has(key)) key = `edge:${edgeId}#${index}`;
    if (link.id !== undefined && key !== link.id) delete link.id;
    usedKeys.add(key);
    const built: GraphLink = { ...link, key, sourceKey: nodeKeys.get(source) as string, targetKey: nodeKeys.get(target) as string, directed, locator: `edge ${edgeId}, line ${edge.line}` };
    options.readEdgeMarkup?.(edge, built, graph);
    if (built.key !== key && usedKeys.has(built.key)) {
      delete built.id;
      built.key = key;
    }
    usedKeys.add(built.key);
    graph.links.push(built);
    if (graph.links.length > limits.maxItems) throw new InterchangeError(`This file has more than ${limits.maxItems} edges`);
  }
  if (nestedGraphs.length > 1) graph.warnings.push(`${nestedGraphs.length - 1} group node${nestedGraphs.length > 2 ? 's' : ''} with nested graphs: their members are imported, each with a "group" attribute naming its group.`);
  if (evidence) addEvidence(graph, evidence);
  return graph;
}

/** Between Gephi's y-up coordinates and the chart's y-down ones (0 - y, so that 0 stays 0, not -0). */
export function flipY(y: number): number {
  return 0 - y;
}

/** Whether an item's data holds our own reserved fields (the file is our export, or made from one). */
function isOurs(values: Map<string, string>): boolean {
  return values.has(RESERVED.id) || values.has(RESERVED.type);
}

// ---- yEd / yFiles graphics (http://www.yworks.com/xml/graphml) ----

/** The realizers yFiles writes for a node, the shape that carries its geometry, fill and labels. */
const YED_NODE_REALIZERS = new Set(['ShapeNode', 'GenericNode', 'GroupNode', 'ImageNode', 'SVGNode', 'TableNode', 'GenericGroupNode', 'UMLClassNode', 'BPMNNode']);
const YED_EDGE_REALIZERS = new Set(['PolyLineEdge', 'BezierEdge', 'ArcEdge', 'SplineEdge', 'QuadCurveEdge', 'GenericEdge', 'BPMNEdge']);

/** The node's drawn shape: the one `data` of a nodegraphics key holds; for a group, its active realizer. */
function yedRealizer(element: XmlElement, keys: Map<string, KeyDef>, realizers: Set<string>, proxy: string | null): XmlElement | undefined {
  for (const data of childrenNamed(element, 'data')) {
    const def = keys.get(data.attributes.get('key') ?? '');
    if (def !== undefined && def.yfilesType === undefined) continue;
    for (const shape of data.children) {
      if (realizers.has(shape.name)) return shape;
      if (proxy !== null && shape.name === proxy) {
        const holder = firstChild(shape, 'Realizers');
        const candidates = holder ? holder.children.filter((c) => realizers.has(c.name)) : [];
        return candidates[Number(holder?.attributes.get('active') ?? 0)] ?? candidates[0];
      }
    }
  }
  return undefined;
}

function labelText(shape: XmlElement, name: string): string | undefined {
  for (const label of childrenNamed(shape, name)) {
    if (label.attributes.get('visible') === 'false') continue;
    const text = label.text.trim();
    if (text) return text;
  }
  return undefined;
}

/** A yFiles colour ("#RRGGBB" or "#RRGGBBAA") as "#rrggbb", or undefined. */
function yedColour(value: string | undefined): string | undefined {
  const match = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(value?.trim() ?? '');
  return match?.[1] ? `#${match[1].toLowerCase()}` : undefined;
}

/**
 * What yEd draws for a node: its label (y:NodeLabel), where it stands and how big (y:Geometry:
 * x and y are the top-left corner, our positions are centres), its fill (y:Fill), and the
 * description yEd keeps in its "description" key. Data keys the file names as a label win.
 */
function readYedNode(node: XmlElement, values: Map<string, string>, entity: GraphEntity, keys: Map<string, KeyDef>, warnings: string[]): void {
  const shape = yedRealizer(node, keys, YED_NODE_REALIZERS, 'ProxyAutoBoundsNode');
  if (shape) {
    const label = labelText(shape, 'NodeLabel');
    if (label !== undefined && labelName(values) === undefined) entity.label = label;
    const geometry = firstChild(shape, 'Geometry');
    const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => Number(geometry?.attributes.get(name)));
    if (geometry && [x, y, width, height].every((n) => Number.isFinite(n))) {
      entity.position = { x: (x as number) + (width as number) / 2, y: (y as number) + (height as number) / 2 };
      putAttribute(entity.attributes, 'width', width, warnings);
      putAttribute(entity.attributes, 'height', height, warnings);
    }
    const fill = firstChild(shape, 'Fill');
    const colour = fill?.attributes.get('transparent') === 'true' ? undefined : yedColour(fill?.attributes.get('color'));
    if (colour !== undefined && entity.color === undefined) entity.color = colour;
    const kind = firstChild(shape, 'Shape')?.attributes.get('type');
    if (kind !== undefined) putAttribute(entity.attributes, 'shape', kind, warnings);
  }
  takeDescription(node, entity);
}

/**
 * Our export opened in yEd, laid out or relabelled there and saved: yEd keeps our data keys as
 * they were and writes what the analyst did into the graphics. A label or a position that differs
 * from our data is the analyst's edit in yEd, and wins (the centre computed back from the corner
 * differs from ours only by rounding when nothing moved).
 */
function readYedEdits(node: XmlElement, entity: GraphEntity, keys: Map<string, KeyDef>): void {
  const shape = yedRealizer(node, keys, YED_NODE_REALIZERS, 'ProxyAutoBoundsNode');
  if (!shape) return;
  const label = labelText(shape, 'NodeLabel');
  if (label !== undefined && label !== entity.label.trim()) entity.label = label;
  const geometry = firstChild(shape, 'Geometry');
  const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => Number(geometry?.attributes.get(name))) as [number, number, number, number];
  if (![x, y, width, height].every((n) => Number.isFinite(n))) return;
  const centre = { x: x + width / 2, y: y + height / 2 };
  // An entity that had no position was drawn on a grid for yEd: without our x and y, that is not the analyst's.
  const known = entity.position;
  if (!known) return;
  const moved = (a: number, b: number) => Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a));
  if (moved(centre.x, known.x) || moved(centre.y, known.y)) entity.position = centre;
}

/** yEd keeps a description in a key named "description" (and GraphML in <desc>): it becomes the item's description. */
function takeDescription(element: XmlElement, item: { description: string | null; attributes: Record<string, string | number | boolean> }): void {
  const described = item.attributes.description;
  if (item.description === null && typeof described === 'string') {
    item.description = described;
    delete item.attributes.description;
  }
  const desc = firstChild(element, 'desc')?.text.trim();
  if (item.description === null && desc) item.description = desc;
}

/** What yEd draws for an edge: its label (y:EdgeLabel), its colour, and its arrows, which say its direction as yEd shows it. */
function readYedEdge(edge: XmlElement, values: Map<string, string>, link: ReturnType<typeof linkFromValues>, keys: Map<string, KeyDef>): { arrows: 'forward' | 'reversed' | 'none' | 'unknown' } {
  const shape = yedRealizer(edge, keys, YED_EDGE_REALIZERS, null);
  let arrows: 'forward' | 'reversed' | 'none' | 'unknown' = 'unknown';
  if (shape) {
    const label = labelText(shape, 'EdgeLabel');
    if (label !== undefined && labelName(values) === undefined) link.label = label;
    const colour = yedColour(firstChild(shape, 'LineStyle')?.attributes.get('color'));
    if (colour !== undefined && colour !== '#000000') putAttribute(link.attributes, 'color', colour);
    const ends = firstChild(shape, 'Arrows');
    if (ends) {
      const atSource = (ends.attributes.get('source') ?? 'none') !== 'none';
      const atTarget = (ends.attributes.get('target') ?? 'none') !== 'none';
      arrows = atTarget ? 'forward' : atSource ? 'reversed' : 'none';
    }
  }
  takeDescription(edge, link);
  return { arrows };
}

/** The name among the values that holds the label: "label" first, then "name", "edge label", "title". */
function labelName(values: Map<string, string>): string | undefined {
  const byLower = new Map<string, string>();
  for (const [name, raw] of values) if (raw.trim() && !byLower.has(name.toLowerCase())) byLower.set(name.toLowerCase(), name);
  for (const candidate of LABEL_NAMES) {
    const name = byLower.get(candidate);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** A GraphML or GEXF item's values, split into our reserved fields and the user's attributes. */
export function entityFromValues(
  fallbackLabel: string,
  values: Map<string, string>,
  declaredType: (name: string) => string | undefined,
  warnings: string[],
): GraphEntity {
  const attributes = {};
  let type = 'other';
  let id: string | undefined;
  let aliases: string[] = [];
  let description: string | null = null;
  let startDate: string | null = null;
  let endDate: string | null = null;
  let x: number | undefined;
  let y: number | undefined;
  let color: string | undefined;
  const labelKey = labelName(values);
  const label = labelKey === undefined ? undefined : values.get(labelKey)?.trim();
  for (const [name, raw] of values) {
    if (name === labelKey) continue;
    switch (name) {
      case RESERVED.id:
        if (isUuid(raw.trim())) id = raw.trim().toLowerCase();
        break;
      case RESERVED.type:
        if (raw.trim()) type = raw.trim();
        break;
      case RESERVED.aliases:
        aliases = parseAliases(raw);
        break;
      case RESERVED.description:
        description = raw;
        break;
      case RESERVED.startDate:
        startDate = isPartialDate(raw.trim()) ? raw.trim() : null;
        break;
      case RESERVED.endDate:
        endDate = isPartialDate(raw.trim()) ? raw.trim() : null;
        break;
      case RESERVED.color:
        color = hexColourOrUndefined(raw);
        break;
      case RESERVED.x:
        x = Number(raw);
        break;
      case RESERVED.y:
        y = Number(raw);
        break;
      default:
        putAttribute(attributes, importedAttributeName(name), typedValue(raw, declaredType(name)), warnings);
    }
  }
  // Gephi writes a node's colour as r, g and b attributes: they are kept, and give the entity its colour.
  const record = attributes as Record<string, unknown>;
  color ??= hexColour(record.r, record.g, record.b) ?? undefined;
  const entity: GraphEntity = {
    key: '',
    type,
    label: label ?? fallbackLabel,
    aliases,
    description,
    startDate,
    endDate,
    attributes,
    locator: '',
  };
  if (id !== undefined) entity.id = id;
  if (color !== undefined) entity.color = color;
  if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) entity.position = { x, y };
  return entity;
}

export function linkFromValues(
  values: Map<string, string>,
  declaredType: (name: string) => string | undefined,
  warnings: string[],
): { id?: string; type: string; label: string | null; description: string | null; startDate: string | null; endDate: string | null; attributes: Record<string, string | number | boolean>; strength?: LinkStrength } {
  const attributes = {};
  const labelKey = labelName(values);
  const link: ReturnType<typeof linkFromValues> = { type: 'related_to', label: labelKey === undefined ? null : (values.get(labelKey) ?? null), description: null, startDate: null, endDate: null, attributes };
  for (const [name, raw] of values) {
    if (name === labelKey) continue;
    switch (name) {
      case RESERVED.id:
        if (isUuid(raw.trim())) link.id = raw.trim().toLowerCase();
        break;
      case RESERVED.type:
        if (raw.trim()) link.type = raw.trim();
        break;
      case RESERVED.description:
        link.description = raw;
        break;
      case RESERVED.strength: {
        const strength = LINK_STRENGTHS.find((s) => s === raw.trim());
        if (strength) link.strength = strength;
        break;
      }
      case RESERVED.startDate:
        link.startDate = isPartialDate(raw.trim()) ? raw.trim() : null;
        break;
      case RESERVED.endDate:
        link.endDate = isPartialDate(raw.trim()) ? raw.trim() : null;
        break;
      default:
        putAttribute(attributes, importedAttributeName(name), typedValue(raw, declaredType(name)), warnings);
    }
  }
  return link;
}

function parseAliases(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  } catch {
    // Not our JSON list: a '|'-separated list as other tools write them.
  }
  return raw.split('|').map((a) => a.trim()).filter((a) => a.length > 0);
}

const GRAPHML_TYPE: Record<ValueKind, string> = { string: 'string', number: 'double', boolean: 'boolean' };

/** Writes the case as GraphML: every entity a node, every link an edge (parallel edges kept). */
export function encodeGraphml(doc: CaseDocument): string {
  const positions = positionsOf(doc);
  const nodeColumns = attributeColumns(doc.entities);
  const edgeColumns = attributeColumns(doc.links);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:awb="https://analystworkbench.org/ns/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  const key = (id: string, forWhat: string, name: string, type: string) =>
    lines.push(`  <key${xmlAttributes({ id, for: forWhat, 'attr.name': name, 'attr.type': type })}/>`);
  // yEd draws what these hold (it shows plain data keys only as properties); our importer reads the data keys.
  lines.push('  <key for="node" id="ng" yfiles.type="nodegraphics"/>', '  <key for="edge" id="eg" yfiles.type="edgegraphics"/>');
  key('case', 'graph', 'awb.caseName', 'string');
  key('evidence', 'graph', RESERVED.evidence, 'string');
  key('yaxis', 'graph', Y_AXIS_KEY, 'string');
  const fields = ['label', 'id', 'type', 'aliases', 'description', 'startDate', 'endDate'] as const;
  for (const field of fields) key(`n_${field}`, 'node', RESERVED[field], 'string');
  key('n_color', 'node', RESERVED.color, 'string');
  key('n_x', 'node', RESERVED.x, 'double');
  key('n_y', 'node', RESERVED.y, 'double');
  const nodeKeyIds = new Map<string, string>();
  [...nodeColumns.entries()].forEach(([name, kind], i) => {
    nodeKeyIds.set(name, `na${i}`);
    key(`na${i}`, 'node', exportedAttributeName(name), GRAPHML_TYPE[kind]);
  });
  for (const field of ['label', 'id', 'type', 'description', 'startDate', 'endDate', 'strength'] as const) key(`e_${field}`, 'edge', RESERVED[field], 'string');
  const edgeKeyIds = new Map<string, string>();
  [...edgeColumns.entries()].forEach(([name, kind], i) => {
    edgeKeyIds.set(name, `ea${i}`);
    key(`ea${i}`, 'edge', exportedAttributeName(name), GRAPHML_TYPE[kind]);
  });

  const data = (keyId: string, value: string | number | boolean | null | undefined, indent = '      ') => {
    if (value === null || value === undefined) return;
    lines.push(`${indent}<data key="${keyId}">${escapeXmlText(String(value))}</data>`);
  };
  lines.push('  <graph id="case" edgedefault="directed">');
  data('case', doc.name, '    ');
  // x and y as Gephi reads them, y upwards (GEXF's viz:position is written so too); yEd's geometry below is y-down.
  data('yaxis', 'up', '    ');
  const evidence = evidenceElements(doc, 'awb', '      ');
  if (evidence.length > 0) lines.push('    <data key="evidence">', ...evidence, '    </data>');
  doc.entities.forEach((e, index) => {
    lines.push(`    <node${xmlAttributes({ id: e.id })}>`);
    data('n_label', e.label);
    data('n_id', e.id);
    data('n_type', e.type);
    if (e.aliases.length > 0) data('n_aliases', JSON.stringify(e.aliases));
    data('n_description', e.description);
    data('n_startDate', e.startDate);
    data('n_endDate', e.endDate);
    data('n_color', e.color);
    const position = positions.get(e.id);
    if (position) {
      data('n_x', position.x);
      data('n_y', flipY(position.y));
    }
    for (const [name, value] of Object.entries(e.attributes)) data(nodeKeyIds.get(name) as string, value);
    lines.push(...yedShapeNode(e, position ?? { x: (index % 12) * 150, y: Math.floor(index / 12) * 150 }));
    lines.push('    </node>');
  });
  for (const l of doc.links) {
    lines.push(`    <edge${xmlAttributes({ id: l.id, source: l.sourceId, target: l.targetId, directed: l.directed })}>`);
    data('e_label', l.label);
    data('e_id', l.id);
    data('e_type', l.type);
    data('e_description', l.description);
    data('e_startDate', l.startDate);
    data('e_endDate', l.endDate);
    data('e_strength', l.strength);
    for (const [name, value] of Object.entries(l.attributes)) data(edgeKeyIds.get(name) as string, value);
    lines.push(...yedPolyLineEdge(l));
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

const YED_NODE_SIZE = 40;

/** A yFiles ShapeNode for yEd: the entity's centre as a top-left corner, its colour (or its type's), its label. */
function yedShapeNode(entity: CaseDocument['entities'][number], centre: { x: number; y: number }): string[] {
  const size = (name: string) => {
    const value = entity.attributes[name];
    return typeof value === 'number' && value > 0 && Number.isFinite(value) ? value : YED_NODE_SIZE;
  };
  const width = size('width');
  const height = size('height');
  const fill = (entity.color ?? entityTypeDefinition(entity.type).color).toUpperCase();
  return [
    '      <data key="ng">',
    '        <y:ShapeNode>',
    `          <y:Geometry${xmlAttributes({ x: centre.x - width / 2, y: centre.y - height / 2, width, height })}/>`,
    `          <y:Fill${xmlAttributes({ color: fill, transparent: 'false' })}/>`,
    '          <y:BorderStyle color="#000000" type="line" width="1.0"/>',
    `          <y:NodeLabel alignment="center" autoSizePolicy="content" modelName="sandwich" modelPosition="s" visible="true">${escapeXmlText(entity.label)}</y:NodeLabel>`,
    '          <y:Shape type="ellipse"/>',
    '        </y:ShapeNode>',
    '      </data>',
  ];
}

/** A yFiles PolyLineEdge for yEd: an arrow at the target when the link is directed, its label or its type's. */
function yedPolyLineEdge(link: CaseDocument['links'][number]): string[] {
  return [
    '      <data key="eg">',
    '        <y:PolyLineEdge>',
    '          <y:LineStyle color="#000000" type="line" width="1.0"/>',
    `          <y:Arrows${xmlAttributes({ source: 'none', target: link.directed ? 'standard' : 'none' })}/>`,
    `          <y:EdgeLabel alignment="center" modelName="centered" modelPosition="center" visible="true">${escapeXmlText(link.label ?? linkTypeDefinition(link.type).label)}</y:EdgeLabel>`,
    '        </y:PolyLineEdge>',
    '      </data>',
  ];
}
