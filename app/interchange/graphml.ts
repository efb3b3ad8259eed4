import { isPartialDate, LINK_STRENGTHS, type CaseDocument, type LinkStrength } from '../domain';
import { addEvidence, describeZodError, evidenceSchema, type Evidence } from './caseJson';
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
import { parseJsonText } from './jsonText';
import { childrenNamed, escapeXmlText, readXml, xmlAttributes, type XmlElement } from './xml';
import {
  attributeColumns,
  evidenceJson,
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
}

/** A node's `<data>` elements that hold markup rather than text (Maltego keeps its entities so). */
export type NodeMarkupReader = (node: XmlElement, entity: GraphEntity, graph: InterchangeGraph) => void;

/** An edge's markup data, as above. */
export type EdgeMarkupReader = (edge: XmlElement, link: GraphLink, graph: InterchangeGraph) => void;

const LABEL_NAMES = ['label', 'name', 'edge label', 'title'];

/** Reads GraphML (GraphML 1.0: keys, data, parallel edges, per-edge direction) into a graph. */
export function decodeGraphml(
  text: string,
  limits: ParseLimits,
  options: { format?: ImportFormat; readNodeMarkup?: NodeMarkupReader; readEdgeMarkup?: EdgeMarkupReader } = {},
): InterchangeGraph {
  const root = readXml(text, limits);
  if (root.name !== 'graphml') throw new InterchangeError(`This is not a GraphML file: its root element is <${root.name}>, not <graphml>`);
  const graph = emptyGraph(options.format ?? 'graphml');
  const keys = new Map<string, KeyDef>();
  for (const key of childrenNamed(root, 'key')) {
    const id = key.attributes.get('id');
    if (id === undefined) continue;
    const def = childrenNamed(key, 'default')[0];
    keys.set(id, {
      for: key.attributes.get('for') ?? 'all',
      name: key.attributes.get('attr.name') ?? id,
      type: key.attributes.get('attr.type'),
      default: def?.text,
    });
  }
  const graphs = childrenNamed(root, 'graph');
  const main = graphs[0];
  if (!main) throw new InterchangeError('This GraphML file has no <graph> element');
  if (graphs.length > 1) graph.skipped.push({ what: `${graphs.length - 1} further <graph> elements`, reason: 'only the first graph of a file is imported' });
  const edgeDefault = main.attributes.get('edgedefault') ?? 'directed';

  const defaultsFor = (kind: string) => [...keys.entries()].filter(([, def]) => (def.for === kind || def.for === 'all') && def.default !== undefined);

  const dataOf = (element: XmlElement, kind: string): Map<string, string> => {
    const values = new Map<string, string>();
    for (const [, def] of defaultsFor(kind)) values.set(def.name, def.default as string);
    for (const data of childrenNamed(element, 'data')) {
      const keyId = data.attributes.get('key');
      if (keyId === undefined || data.children.length > 0) continue;
      const def = keys.get(keyId);
      values.set(def?.name ?? keyId, data.text);
    }
    return values;
  };
  const typeOf = (name: string, kind: string): string | undefined => {
    for (const def of keys.values()) if (def.name === name && (def.for === kind || def.for === 'all')) return def.type;
    return undefined;
  };

  let evidence: Evidence | null = null;
  for (const data of childrenNamed(main, 'data')) {
    const def = keys.get(data.attributes.get('key') ?? '');
    if (def?.name === RESERVED.evidence) evidence = readEvidence(data, limits);
  }

  const nodeKeys = new Map<string, string>();
  const usedKeys = new Set<string>();
  for (const node of childrenNamed(main, 'node')) {
    const nodeId = node.attributes.get('id');
    if (nodeId === undefined) {
      graph.skipped.push({ what: `a node at line ${node.line}`, reason: 'it has no id' });
      continue;
    }
    if (nodeKeys.has(nodeId)) {
      graph.skipped.push({ what: `node ${nodeId} (line ${node.line})`, reason: 'another node has the same id' });
      continue;
    }
    if (childrenNamed(node, 'graph').length > 0) graph.skipped.push({ what: `the graph nested in node ${nodeId}`, reason: 'nested graphs are not imported' });
    const values = dataOf(node, 'node');
    const entity = entityFromValues(nodeId, values, (name) => typeOf(name, 'node'), graph.warnings);
    if (entity.id !== undefined && usedKeys.has(entity.id)) delete entity.id;
    entity.key = entity.id ?? `node:${nodeId}`;
    entity.locator = `node ${nodeId}, line ${node.line}`;
    options.readNodeMarkup?.(node, entity, graph);
    usedKeys.add(entity.key);
    nodeKeys.set(nodeId, entity.key);
    graph.entities.push(entity);
    if (graph.entities.length > limits.maxItems) throw new InterchangeError(`This file has more than ${limits.maxItems} nodes`);
  }
  if (childrenNamed(main, 'hyperedge').length > 0) {
    graph.skipped.push({ what: `${childrenNamed(main, 'hyperedge').length} hyperedges`, reason: 'hyperedges have no equivalent in a link chart' });
  }

  let index = 0;
  for (const edge of childrenNamed(main, 'edge')) {
    index++;
    const source = edge.attributes.get('source');
    const target = edge.attributes.get('target');
    const edgeId = edge.attributes.get('id') ?? `#${index}`;
    const sourceKey = source === undefined ? undefined : nodeKeys.get(source);
    const targetKey = target === undefined ? undefined : nodeKeys.get(target);
    if (sourceKey === undefined || targetKey === undefined) {
      graph.skipped.push({ what: `edge ${edgeId} (line ${edge.line})`, reason: `it joins a node that is not in the file (${source ?? '?'} → ${target ?? '?'})` });
      continue;
    }
    const values = dataOf(edge, 'edge');
    const directedAttr = edge.attributes.get('directed');
    const directed = directedAttr !== undefined ? directedAttr === 'true' : edgeDefault === 'directed';
    const link = linkFromValues(values, (name) => typeOf(name, 'edge'), graph.warnings);
    let key = link.id ?? `edge:${edgeId}`;
    if (usedKeys.has(key)) key = `edge:${edgeId}#${index}`;
    if (link.id !== undefined && key !== link.id) delete link.id;
    usedKeys.add(key);
    const built: GraphLink = { ...link, key, sourceKey, targetKey, directed, locator: `edge ${edgeId}, line ${edge.line}` };
    options.readEdgeMarkup?.(edge, built, graph);
    graph.links.push(built);
    if (graph.links.length > limits.maxItems) throw new InterchangeError(`This file has more than ${limits.maxItems} edges`);
  }
  if (evidence) addEvidence(graph, evidence);
  return graph;
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

/** Our evidence block (sources, citations, notes as JSON) from the element that holds it. */
export function readEvidence(element: XmlElement, limits: ParseLimits): Evidence {
  const parsed = evidenceSchema.safeParse(parseJsonText(element.text, limits));
  if (!parsed.success) throw new InterchangeError(describeZodError(parsed.error, 'file’s evidence block'), { line: element.line, column: element.column });
  return parsed.data;
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
        if (raw.trim()) type = raw.trim().slice(0, 100);
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
    label: (label ?? fallbackLabel).slice(0, 1000),
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
        if (raw.trim()) link.type = raw.trim().slice(0, 100);
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
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  const key = (id: string, forWhat: string, name: string, type: string) =>
    lines.push(`  <key${xmlAttributes({ id, for: forWhat, 'attr.name': name, 'attr.type': type })}/>`);
  key('case', 'graph', 'awb.caseName', 'string');
  key('evidence', 'graph', RESERVED.evidence, 'string');
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
  data('evidence', evidenceJson(doc), '    ');
  for (const e of doc.entities) {
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
      data('n_y', position.y);
    }
    for (const [name, value] of Object.entries(e.attributes)) data(nodeKeyIds.get(name) as string, value);
    lines.push('    </node>');
  }
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
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
