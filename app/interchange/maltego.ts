import type { Attributes } from '../domain';
import { putAttribute, InterchangeError, type InterchangeGraph, type ParseLimits } from './graph';
import { decodeGraphml } from './graphml';
import type { XmlElement } from './xml';
import { readZip } from './zip';

/** Maltego entity types → ours; others keep their own name ("maltego.Domain" → "domain"). */
const MALTEGO_TYPES: Record<string, string> = {
  'maltego.person': 'person',
  'maltego.alias': 'person',
  'maltego.organization': 'organisation',
  'maltego.company': 'organisation',
  'maltego.location': 'place',
  'maltego.country': 'state',
  'maltego.city': 'place',
  'maltego.document': 'document',
  'maltego.phrase': 'other',
};

/** Properties that name an entity, in the order Maltego's own types use them. */
const MAIN_PROPERTIES = ['person.fullname', 'title', 'name', 'alias', 'fqdn', 'ipv4-address', 'url', 'email', 'phonenumber', 'text', 'location.name', 'country'];

function descendants(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack = [...element.children];
  while (stack.length > 0) {
    const next = stack.pop() as XmlElement;
    if (next.name === name) out.push(next);
    stack.push(...next.children);
  }
  return out;
}

function properties(markup: XmlElement): { name: string; display: string; value: string }[] {
  return descendants(markup, 'Property')
    .map((p) => ({
      name: p.attributes.get('name') ?? '',
      display: p.attributes.get('displayName') ?? p.attributes.get('name') ?? '',
      value: (p.children.find((c) => c.name === 'Value')?.text ?? '').trim(),
    }))
    .filter((p) => p.name !== '')
    .reverse();
}

/**
 * Reads a Maltego graph (.mtgx: a zip with Graphs/*.graphml inside). The archive is checked for
 * unsafe entry names and unpacking bombs first; Maltego's entity and link markup inside the
 * GraphML becomes types, labels, properties and positions.
 */
export function decodeMtgx(bytes: Uint8Array, limits: ParseLimits, decodeText: (bytes: Uint8Array) => string): InterchangeGraph {
  const graphs = readZip(bytes, (name) => /^Graphs\/[^/]+\.graphml$/i.test(name), limits).sort((a, b) => a.name.localeCompare(b.name));
  const first = graphs[0];
  if (!first) throw new InterchangeError('This Maltego file holds no graph (no Graphs/*.graphml entry)');
  const graph = decodeGraphml(decodeText(first.bytes), limits, {
    format: 'mtgx',
    readNodeMarkup: (node, entity, g) => {
      const markup = descendants(node, 'MaltegoEntity')[0];
      if (!markup) return;
      const type = (markup.attributes.get('type') ?? '').trim();
      entity.type = MALTEGO_TYPES[type.toLowerCase()] ?? (type.replace(/^maltego\./i, '').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase() || 'other');
      const props = properties(markup);
      const main = MAIN_PROPERTIES.map((name) => props.find((p) => p.name.toLowerCase() === name && p.value)).find((p) => p !== undefined) ?? props.find((p) => p.value);
      if (main) entity.label = main.value.slice(0, 1000);
      const attributes: Attributes = entity.attributes;
      putAttribute(attributes, 'maltego_type', type);
      for (const p of props) if (p !== main && p.value) putAttribute(attributes, p.display || p.name, p.value, g.warnings);
      const geometry = descendants(node, 'Geometry')[0];
      const x = Number(geometry?.attributes.get('x'));
      const y = Number(geometry?.attributes.get('y'));
      if (geometry && Number.isFinite(x) && Number.isFinite(y)) entity.position = { x, y };
    },
    readEdgeMarkup: (edge, link, g) => {
      const markup = descendants(edge, 'MaltegoLink')[0];
      if (!markup) return;
      link.directed = true;
      const props = properties(markup);
      const label = props.find((p) => /manual\.type|link\.label/i.test(p.name) && p.value);
      if (label) link.label = label.value;
      for (const p of props) if (p !== label && p.value && !/^maltego\.link\.(color|style|thickness|show-label)/i.test(p.name)) putAttribute(link.attributes, p.display || p.name, p.value, g.warnings);
    },
  });
  if (graphs.length > 1) graph.skipped.push({ what: `${graphs.length - 1} further graphs in the archive`, reason: 'only the first graph of a Maltego file is imported' });
  return graph;
}
