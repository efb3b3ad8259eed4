import type { CaseDocument } from '../domain';
import { addEvidence, type Evidence } from './caseJson';
import { emptyGraph, InterchangeError, putAttribute, type InterchangeGraph, type ParseLimits } from './graph';
import { evidenceElements, readEvidence } from './evidenceXml';
import { entityFromValues, flipY, linkFromValues } from './graphml';
import { childrenNamed, escapeXmlText, firstChild, readXml, xmlAttributes, type XmlElement } from './xml';
import { attributeColumns, exportedAttributeName, hexColour, positionsOf, RESERVED, type ValueKind } from './xmlGraph';

interface AttributeDef {
  title: string;
  type: string | undefined;
  default: string | undefined;
}

function attributeDefs(graph: XmlElement, kind: 'node' | 'edge'): Map<string, AttributeDef> {
  const defs = new Map<string, AttributeDef>();
  for (const block of childrenNamed(graph, 'attributes')) {
    if ((block.attributes.get('class') ?? 'node') !== kind) continue;
    for (const attribute of childrenNamed(block, 'attribute')) {
      const id = attribute.attributes.get('id');
      if (id === undefined) continue;
      defs.set(id, {
        title: attribute.attributes.get('title') ?? id,
        type: attribute.attributes.get('type'),
        default: firstChild(attribute, 'default')?.text,
      });
    }
  }
  return defs;
}

/** An element's attvalues by title, defaults first; `label` from the element's own label. */
function valuesOf(element: XmlElement, defs: Map<string, AttributeDef>): Map<string, string> {
  const values = new Map<string, string>();
  const label = element.attributes.get('label');
  if (label !== undefined) values.set(RESERVED.label, label);
  for (const def of defs.values()) if (def.default !== undefined) values.set(def.title, def.default);
  for (const block of childrenNamed(element, 'attvalues')) {
    for (const attvalue of childrenNamed(block, 'attvalue')) {
      const ref = attvalue.attributes.get('for') ?? attvalue.attributes.get('id');
      const value = attvalue.attributes.get('value');
      if (ref === undefined || value === undefined) continue;
      values.set(defs.get(ref)?.title ?? ref, value);
    }
  }
  return values;
}

/** Reads GEXF 1.1–1.3 (attributes, viz colour, size and position, parallel edges) into a graph. */
export function decodeGexf(text: string, limits: ParseLimits): InterchangeGraph {
  const root = readXml(text, limits);
  if (root.name !== 'gexf') throw new InterchangeError(`This is not a GEXF file: its root element is <${root.name}>, not <gexf>`);
  const main = firstChild(root, 'graph');
  if (!main) throw new InterchangeError('This GEXF file has no <graph> element');
  const graph = emptyGraph('gexf');
  const meta = firstChild(root, 'meta');
  const evidenceElement = meta ? firstChild(meta, 'evidence') : undefined;
  const evidence: Evidence | null = evidenceElement ? readEvidence(evidenceElement, limits) : null;
  if ((main.attributes.get('mode') ?? 'static') === 'dynamic') graph.warnings.push('This is a dynamic GEXF graph: its time spells are not imported.');
  const nodeDefs = attributeDefs(main, 'node');
  const edgeDefs = attributeDefs(main, 'edge');
  const declared = (defs: Map<string, AttributeDef>) => (name: string) => {
    for (const def of defs.values()) if (def.title === name) return def.type;
    return undefined;
  };
  const edgeDefault = main.attributes.get('defaultedgetype') ?? 'undirected';

  const nodeKeys = new Map<string, string>();
  const usedKeys = new Set<string>();
  for (const block of childrenNamed(main, 'nodes')) {
    for (const node of childrenNamed(block, 'node')) {
      const nodeId = node.attributes.get('id');
      if (nodeId === undefined || nodeKeys.has(nodeId)) {
        graph.skipped.push({ what: `a node at line ${node.line}`, reason: nodeId === undefined ? 'it has no id' : 'another node has the same id' });
        continue;
      }
      if (firstChild(node, 'nodes')) graph.skipped.push({ what: `the nodes nested in node ${nodeId}`, reason: 'hierarchical GEXF is not imported' });
      const entity = entityFromValues(nodeId, valuesOf(node, nodeDefs), declared(nodeDefs), graph.warnings);
      if (entity.id !== undefined && usedKeys.has(entity.id)) delete entity.id;
      entity.key = entity.id ?? `node:${nodeId}`;
      entity.locator = `node ${nodeId}, line ${node.line}`;
      const colour = readViz(node, entity.attributes, false);
      if (colour !== undefined && entity.color === undefined) entity.color = colour;
      const position = firstChild(node, 'position');
      const x = Number(position?.attributes.get('x'));
      const y = Number(position?.attributes.get('y'));
      // Gephi's y axis points up, the chart's down: a node Gephi shows above another stays above it.
      if (position && Number.isFinite(x) && Number.isFinite(y)) entity.position = { x, y: flipY(y) };
      usedKeys.add(entity.key);
      nodeKeys.set(nodeId, entity.key);
      graph.entities.push(entity);
      if (graph.entities.length > limits.maxItems) throw new InterchangeError(`This file has more than ${limits.maxItems} nodes`);
    }
  }

  let index = 0;
  for (const block of childrenNamed(main, 'edges')) {
    for (const edge of childrenNamed(block, 'edge')) {
      index++;
      const edgeId = edge.attributes.get('id') ?? `#${index}`;
      const source = edge.attributes.get('source');
      const target = edge.attributes.get('target');
      const sourceKey = source === undefined ? undefined : nodeKeys.get(source);
      const targetKey = target === undefined ? undefined : nodeKeys.get(target);
      if (sourceKey === undefined || targetKey === undefined) {
        graph.skipped.push({ what: `edge ${edgeId} (line ${edge.line})`, reason: `it joins a node that is not in the file (${source ?? '?'} → ${target ?? '?'})` });
        continue;
      }
      const link = linkFromValues(valuesOf(edge, edgeDefs), declared(edgeDefs), graph.warnings);
      const kind = edge.attributes.get('kind');
      if (kind !== undefined && link.type === 'related_to' && kind.trim()) link.type = kind.trim();
      const weight = edge.attributes.get('weight');
      if (weight !== undefined && Number.isFinite(Number(weight))) putAttribute(link.attributes, 'weight', Number(weight));
      readViz(edge, link.attributes, true);
      const edgeType = edge.attributes.get('type') ?? edgeDefault;
      let key = link.id ?? `edge:${edgeId}`;
      if (usedKeys.has(key)) key = `edge:${edgeId}#${index}`;
      if (link.id !== undefined && key !== link.id) delete link.id;
      usedKeys.add(key);
      graph.links.push({ ...link, key, sourceKey, targetKey, directed: edgeType === 'directed', locator: `edge ${edgeId}, line ${edge.line}` });
      if (graph.links.length > limits.maxItems) throw new InterchangeError(`This file has more than ${limits.maxItems} edges`);
    }
  }
  if (evidence) addEvidence(graph, evidence);
  return graph;
}

/**
 * viz:size, viz:thickness, viz:shape and the colour's opacity are kept as attributes; the colour
 * itself is returned for a node (entities have a colour of their own) and kept as an attribute for an edge.
 */
function readViz(element: XmlElement, attributes: Record<string, string | number | boolean>, colourAsAttribute: boolean): string | undefined {
  const color = firstChild(element, 'color');
  let value: string | undefined;
  if (color) {
    const hex = color.attributes.get('hex');
    value = (hex && /^#?[0-9a-f]{6}$/i.test(hex.trim()) ? `#${hex.trim().replace('#', '').toLowerCase()}` : hexColour(color.attributes.get('r'), color.attributes.get('g'), color.attributes.get('b'))) ?? undefined;
    if (value && colourAsAttribute) putAttribute(attributes, 'color', value);
    const alpha = Number(color.attributes.get('a'));
    if (color.attributes.has('a') && Number.isFinite(alpha)) putAttribute(attributes, 'opacity', alpha);
  }
  for (const name of ['size', 'thickness', 'shape']) {
    const value = firstChild(element, name)?.attributes.get('value');
    if (value === undefined) continue;
    const n = Number(value);
    putAttribute(attributes, name, name !== 'shape' && Number.isFinite(n) ? n : value);
  }
  return value;
}

const GEXF_TYPE: Record<ValueKind, string> = { string: 'string', number: 'double', boolean: 'boolean' };

/** Writes the case as GEXF 1.3 (Gephi): entities as nodes with positions, links as edges with their type as `kind`. */
export function encodeGexf(doc: CaseDocument): string {
  const positions = positionsOf(doc);
  const nodeColumns = attributeColumns(doc.entities);
  const edgeColumns = attributeColumns(doc.links);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:awb="https://analystworkbench.org/ns/gexf" version="1.3">',
    '  <meta>',
    '    <creator>Analyst Workbench</creator>',
    `    <description>${escapeXmlText(doc.name)}</description>`,
  ];
  const evidence = evidenceElements(doc, 'awb', '      ');
  if (evidence.length > 0) lines.push('    <awb:evidence>', ...evidence, '    </awb:evidence>');
  lines.push('  </meta>', '  <graph defaultedgetype="directed" mode="static">');
  const nodeFields = ['id', 'type', 'aliases', 'description', 'startDate', 'endDate'] as const;
  const edgeFields = ['id', 'type', 'description', 'startDate', 'endDate', 'strength'] as const;
  const columns = (kind: string, fields: readonly string[], user: Map<string, ValueKind>, prefix: string) => {
    lines.push(`    <attributes class="${kind}">`);
    for (const field of fields) lines.push(`      <attribute${xmlAttributes({ id: field, title: RESERVED[field as keyof typeof RESERVED], type: 'string' })}/>`);
    const ids = new Map<string, string>();
    [...user.entries()].forEach(([name, type], i) => {
      ids.set(name, `${prefix}${i}`);
      lines.push(`      <attribute${xmlAttributes({ id: `${prefix}${i}`, title: exportedAttributeName(name), type: GEXF_TYPE[type] })}/>`);
    });
    lines.push('    </attributes>');
    return ids;
  };
  const nodeIds = columns('node', nodeFields, nodeColumns, 'na');
  const edgeIds = columns('edge', edgeFields, edgeColumns, 'ea');
  const attvalues = (pairs: [string, string | number | boolean | null][]) => {
    const kept = pairs.filter((pair): pair is [string, string | number | boolean] => pair[1] !== null);
    if (kept.length === 0) return;
    lines.push('        <attvalues>');
    for (const [ref, value] of kept) lines.push(`          <attvalue${xmlAttributes({ for: ref, value: String(value) })}/>`);
    lines.push('        </attvalues>');
  };
  lines.push('    <nodes>');
  for (const e of doc.entities) {
    lines.push(`      <node${xmlAttributes({ id: e.id, label: e.label })}>`);
    attvalues([
      ['id', e.id],
      ['type', e.type],
      ['aliases', e.aliases.length > 0 ? JSON.stringify(e.aliases) : null],
      ['description', e.description],
      ['startDate', e.startDate],
      ['endDate', e.endDate],
      ...Object.entries(e.attributes).map(([name, value]): [string, string | number | boolean] => [nodeIds.get(name) as string, value]),
    ]);
    if (e.color !== null) lines.push(`        <viz:color${xmlAttributes({ hex: e.color })}/>`);
    const position = positions.get(e.id);
    const size = e.attributes.size;
    if (typeof size === 'number' && Number.isFinite(size)) lines.push(`        <viz:size${xmlAttributes({ value: size })}/>`);
    if (position) lines.push(`        <viz:position${xmlAttributes({ x: position.x, y: flipY(position.y), z: 0 })}/>`);
    lines.push('      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const l of doc.links) {
    lines.push(`      <edge${xmlAttributes({ id: l.id, source: l.sourceId, target: l.targetId, type: l.directed ? 'directed' : 'undirected', label: l.label, kind: l.type })}>`);
    attvalues([
      ['id', l.id],
      ['type', l.type],
      ['description', l.description],
      ['startDate', l.startDate],
      ['endDate', l.endDate],
      ['strength', l.strength],
      ...Object.entries(l.attributes).map(([name, value]): [string, string | number | boolean] => [edgeIds.get(name) as string, value]),
    ]);
    lines.push('      </edge>');
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
