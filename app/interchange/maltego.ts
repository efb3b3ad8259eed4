import { strToU8, zipSync } from 'fflate';
import { isPartialDate, type Attributes, type CaseDocument } from '../domain';
import { entityTypeDefinition } from '../entityTypes';
import { linkTypeDefinition } from '../linkTypes';
import { hexColourOrUndefined, isUuid, putAttribute, InterchangeError, type GraphEntity, type InterchangeGraph, type ParseLimits } from './graph';
import { decodeGraphml } from './graphml';
import { escapeXmlText, xmlAttributes, type XmlElement } from './xml';
import { evidenceElements } from './evidenceXml';
import { positionsOf, RESERVED } from './xmlGraph';
import { readZip } from './zip';

/**
 * Maltego's standard entity types and ours, both ways: the type each is read as, and the
 * property Maltego shows as its value (the one it calls the main property).
 */
const MALTEGO_TYPES: readonly { maltego: string; type: string; main: string }[] = [
  { maltego: 'maltego.Person', type: 'person', main: 'person.fullname' },
  { maltego: 'maltego.PhoneNumber', type: 'phone_number', main: 'phonenumber' },
  { maltego: 'maltego.EmailAddress', type: 'email_address', main: 'email' },
  { maltego: 'maltego.Domain', type: 'domain', main: 'fqdn' },
  { maltego: 'maltego.IPv4Address', type: 'ip_address', main: 'ipv4-address' },
  { maltego: 'maltego.IPv6Address', type: 'ip_address', main: 'ipv6-address' },
  { maltego: 'maltego.Organization', type: 'organisation', main: 'title' },
  { maltego: 'maltego.Company', type: 'organisation', main: 'title' },
  { maltego: 'maltego.Location', type: 'place', main: 'location.name' },
  { maltego: 'maltego.Alias', type: 'person', main: 'alias' },
  { maltego: 'maltego.Website', type: 'website', main: 'fqdn' },
  { maltego: 'maltego.URL', type: 'website', main: 'url' },
  { maltego: 'maltego.Document', type: 'document', main: 'title' },
  { maltego: 'maltego.Phrase', type: 'other', main: 'text' },
  { maltego: 'maltego.Event', type: 'event', main: 'title' },
];

const BY_MALTEGO = new Map(MALTEGO_TYPES.map((t) => [t.maltego.toLowerCase(), t]));

/** What each of our types is written as: the first Maltego type it is read from, else an organisation, a location or a phrase. */
function maltegoTypeFor(type: string): { maltego: string; main: string } {
  const direct = MALTEGO_TYPES.find((t) => t.type === type);
  if (direct) return direct;
  if (['armed_group', 'government_body', 'armed_force', 'international_organisation', 'coalition', 'group', 'ethnic_group'].includes(type)) return MALTEGO_TYPES.find((t) => t.maltego === 'maltego.Organization') as { maltego: string; main: string };
  if (type === 'state') return MALTEGO_TYPES.find((t) => t.maltego === 'maltego.Location') as { maltego: string; main: string };
  return MALTEGO_TYPES.find((t) => t.maltego === 'maltego.Phrase') as { maltego: string; main: string };
}

/** Properties that name an entity of a type the table does not know, in the order Maltego's own types use them. */
const MAIN_PROPERTIES = ['person.fullname', 'title', 'name', 'alias', 'fqdn', 'ipv4-address', 'ipv6-address', 'url', 'email', 'phonenumber', 'text', 'location.name', 'country'];

/** Link properties that are Maltego's drawing, not the analyst's data. */
const LINK_STYLE = /^maltego\.link\.(color|style|thickness|show-label|weight)$/i;

const AWB_DIRECTED = 'awb.directed';

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

interface MaltegoProperty {
  name: string;
  display: string;
  value: string;
}

function properties(markup: XmlElement): MaltegoProperty[] {
  return descendants(markup, 'Property')
    .map((p) => ({
      name: p.attributes.get('name') ?? '',
      display: p.attributes.get('displayName') ?? p.attributes.get('name') ?? '',
      value: p.children.find((c) => c.name === 'Value')?.text ?? '',
    }))
    .filter((p) => p.name !== '')
    .reverse();
}

/** Our own fields, written as properties on our export so that it reads back whole. */
function takeOurFields(props: MaltegoProperty[], item: { description: string | null; startDate: string | null; endDate: string | null; id?: string }): MaltegoProperty[] {
  const rest: MaltegoProperty[] = [];
  for (const p of props) {
    if (p.name === RESERVED.id && isUuid(p.value.trim())) item.id = p.value.trim().toLowerCase();
    else if (p.name === RESERVED.description) item.description = p.value;
    else if (p.name === RESERVED.startDate) item.startDate = isPartialDate(p.value.trim()) ? p.value.trim() : null;
    else if (p.name === RESERVED.endDate) item.endDate = isPartialDate(p.value.trim()) ? p.value.trim() : null;
    else rest.push(p);
  }
  return rest;
}

/** A value of one of our attributes, written as `json:<value>` so its type (number, boolean) survives Maltego's strings. */
function attributeValue(value: string): string | number | boolean {
  if (!value.startsWith('json:')) return value;
  try {
    const parsed: unknown = JSON.parse(value.slice(5));
    if (typeof parsed === 'string' || typeof parsed === 'number' || typeof parsed === 'boolean') return parsed;
  } catch {
    // Not ours after all: kept as written.
  }
  return value;
}

function readEntity(node: XmlElement, entity: GraphEntity, g: InterchangeGraph): void {
  const markup = descendants(node, 'MaltegoEntity')[0];
  if (!markup) return;
  const maltegoType = (markup.attributes.get('type') ?? '').trim();
  const known = BY_MALTEGO.get(maltegoType.toLowerCase());
  let props = takeOurFields(properties(markup), entity);
  if (entity.id !== undefined) entity.key = entity.id;
  const ourType = props.find((p) => p.name === RESERVED.type)?.value.trim();
  entity.type = ourType || (known?.type ?? (maltegoType.replace(/^maltego\./i, '').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase() || 'other'));
  const mainName = known?.main;
  const main = (mainName !== undefined ? props.find((p) => p.name === mainName && p.value.trim()) : undefined) ?? MAIN_PROPERTIES.map((name) => props.find((p) => p.name.toLowerCase() === name && p.value.trim())).find((p) => p !== undefined) ?? props.find((p) => p.value.trim() && !p.name.startsWith('awb.'));
  if (main) entity.label = main.value.trim();
  const aliases = props.find((p) => p.name === RESERVED.aliases);
  if (aliases) {
    try {
      const parsed: unknown = JSON.parse(aliases.value);
      if (Array.isArray(parsed)) entity.aliases = parsed.filter((a): a is string => typeof a === 'string');
    } catch {
      entity.aliases = aliases.value.split('|').map((a) => a.trim()).filter((a) => a.length > 0);
    }
  }
  const colour = props.find((p) => p.name === RESERVED.color);
  if (colour) {
    const hex = hexColourOrUndefined(colour.value);
    if (hex !== undefined) entity.color = hex;
  }
  props = props.filter((p) => p !== main && ![RESERVED.type, RESERVED.aliases, RESERVED.color].includes(p.name as never));
  const attributes: Attributes = entity.attributes;
  // Which Maltego type it was matters when ours cannot say it (an alias read as a person, an unknown type).
  if (!ourType) putAttribute(attributes, 'maltego_type', maltegoType);
  for (const p of props) {
    if (!p.value) continue;
    if (p.name.startsWith('attribute:')) putAttribute(attributes, p.name.slice('attribute:'.length), attributeValue(p.value), g.warnings);
    else putAttribute(attributes, p.display || p.name, p.value, g.warnings);
  }
  // Where Maltego draws the entity: mtg:EntityRenderer/mtg:Position (older files: a yFiles geometry).
  const renderer = descendants(node, 'EntityRenderer')[0];
  const position = renderer ? descendants(renderer, 'Position')[0] : descendants(node, 'Geometry')[0];
  const x = Number(position?.attributes.get('x'));
  const y = Number(position?.attributes.get('y'));
  if (position && Number.isFinite(x) && Number.isFinite(y)) entity.position = { x, y };
}

/**
 * Reads a Maltego graph (.mtgx: a zip with Graphs/*.graphml inside). The archive is checked for
 * unsafe entry names and unpacking bombs first; Maltego's entity and link markup inside the
 * GraphML becomes types (through the table of Maltego's standard types), labels (each type's main
 * property), properties and positions (mtg:EntityRenderer/mtg:Position).
 */
export function decodeMtgx(bytes: Uint8Array, limits: ParseLimits, decodeText: (bytes: Uint8Array) => string): InterchangeGraph {
  const graphs = readZip(bytes, (name) => /^Graphs\/[^/]+\.graphml$/i.test(name), limits).sort((a, b) => a.name.localeCompare(b.name));
  const first = graphs[0];
  if (!first) throw new InterchangeError('This Maltego file holds no graph (no Graphs/*.graphml entry)');
  const graph = decodeGraphml(decodeText(first.bytes), limits, {
    format: 'mtgx',
    yedGraphics: false,
    readNodeMarkup: readEntity,
    readEdgeMarkup: (edge, link, g) => {
      const markup = descendants(edge, 'MaltegoLink')[0];
      if (!markup) return;
      let props = takeOurFields(properties(markup), link);
      if (link.id !== undefined) link.key = link.id;
      link.directed = props.find((p) => p.name === AWB_DIRECTED)?.value !== 'false';
      const ourType = props.find((p) => p.name === RESERVED.type)?.value.trim();
      if (ourType) link.type = ourType;
      const label = props.find((p) => /^maltego\.link\.(manual\.type|label)$/i.test(p.name));
      // Our export writes the link type's name as its Maltego label when the link has no label of its own.
      if (label?.value) link.label = ourType && label.value === linkTypeDefinition(ourType).label && props.some((p) => p.name === 'awb.unlabelled') ? null : label.value;
      const description = props.find((p) => p.name === 'maltego.link.manual.description');
      if (description?.value && link.description === null) link.description = description.value;
      const strength = props.find((p) => p.name === RESERVED.strength)?.value.trim();
      if (strength === 'confirmed' || strength === 'unconfirmed' || strength === 'tentative') link.strength = strength;
      props = props.filter((p) => p !== label && p !== description && !p.name.startsWith('awb.') && !LINK_STYLE.test(p.name));
      for (const p of props) {
        if (!p.value) continue;
        if (p.name.startsWith('attribute:')) putAttribute(link.attributes, p.name.slice('attribute:'.length), attributeValue(p.value), g.warnings);
        else putAttribute(link.attributes, p.display || p.name, p.value, g.warnings);
      }
    },
  });
  if (graphs.length > 1) graph.skipped.push({ what: `${graphs.length - 1} further graphs in the archive`, reason: 'only the first graph of a Maltego file is imported' });
  return graph;
}

const MTG_NS = 'http://maltego.paterva.com/xml/mtgx';

function propertyXml(name: string, displayName: string, value: string, indent: string): string {
  return `${indent}<mtg:Property${xmlAttributes({ displayName, hidden: 'false', name, nullable: 'true', readonly: 'false', type: 'string' })}><mtg:Value>${escapeXmlText(value)}</mtg:Value></mtg:Property>`;
}

/**
 * Writes the case as a Maltego graph (.mtgx): a zip holding Graphs/Graph1.graphml, with every
 * entity an mtg:MaltegoEntity of the Maltego type the table gives (its label in that type's main
 * property, our other fields and attributes as further properties) and its position in
 * mtg:EntityRenderer, every link an mtg:MaltegoLink labelled with its label or type.
 */
export function encodeMtgx(doc: CaseDocument): Uint8Array {
  const positions = positionsOf(doc);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:mtg="${MTG_NS}" xmlns:awb="https://analystworkbench.org/ns/graphml" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
    '  <key attr.name="MaltegoEntity" for="node" id="d0"/>',
    '  <key attr.name="EntityRenderer" for="node" id="d1"/>',
    '  <key attr.name="MaltegoLink" for="edge" id="d2"/>',
    '  <key attr.name="LinkRenderer" for="edge" id="d3"/>',
    `  <key${xmlAttributes({ 'attr.name': RESERVED.evidence, 'attr.type': 'string', for: 'graph', id: 'd4' })}/>`,
    '  <graph edgedefault="directed" id="G">',
  ];
  // One element per source, citation and note (see evidenceXml.ts), so a large case reads back.
  const evidence = evidenceElements(doc, 'awb', '      ');
  if (evidence.length > 0) lines.push('    <data key="d4">', ...evidence, '    </data>');
  const attributeProperties = (attributes: Attributes, indent: string) =>
    Object.entries(attributes).map(([name, value]) => propertyXml(`attribute:${name}`, name, typeof value === 'string' && !value.startsWith('json:') ? value : `json:${JSON.stringify(value)}`, indent));
  const p = '            ';
  doc.entities.forEach((e, index) => {
    const { maltego, main } = maltegoTypeFor(e.type);
    const position = positions.get(e.id) ?? { x: (index % 12) * 150, y: Math.floor(index / 12) * 150 };
    lines.push(
      `    <node${xmlAttributes({ id: e.id })}>`,
      '      <data key="d0">',
      `        <mtg:MaltegoEntity${xmlAttributes({ id: e.id, type: maltego })}>`,
      '          <mtg:Properties>',
      propertyXml(main, entityTypeDefinition(e.type).label, e.label, p),
      propertyXml(RESERVED.id, 'Workbench id', e.id, p),
      propertyXml(RESERVED.type, 'Workbench type', e.type, p),
    );
    if (e.aliases.length > 0) lines.push(propertyXml(RESERVED.aliases, 'Aliases', JSON.stringify(e.aliases), p));
    if (e.description !== null) lines.push(propertyXml(RESERVED.description, 'Description', e.description, p));
    if (e.startDate !== null) lines.push(propertyXml(RESERVED.startDate, 'Start date', e.startDate, p));
    if (e.endDate !== null) lines.push(propertyXml(RESERVED.endDate, 'End date', e.endDate, p));
    if (e.color !== null) lines.push(propertyXml(RESERVED.color, 'Colour', e.color, p));
    lines.push(...attributeProperties(e.attributes, p));
    lines.push(
      '          </mtg:Properties>',
      '          <mtg:Weight>0</mtg:Weight>',
      '        </mtg:MaltegoEntity>',
      '      </data>',
      '      <data key="d1">',
      `        <mtg:EntityRenderer><mtg:Position${xmlAttributes({ x: position.x, y: position.y })}/></mtg:EntityRenderer>`,
      '      </data>',
      '    </node>',
    );
  });
  for (const l of doc.links) {
    lines.push(
      `    <edge${xmlAttributes({ id: l.id, source: l.sourceId, target: l.targetId })}>`,
      '      <data key="d2">',
      `        <mtg:MaltegoLink${xmlAttributes({ id: l.id, type: 'maltego.link.manual-link' })}>`,
      '          <mtg:Properties>',
      propertyXml('maltego.link.manual.type', 'Label', l.label ?? linkTypeDefinition(l.type).label, p),
      propertyXml('maltego.link.show-label', 'Show Label', '1', p),
      propertyXml(RESERVED.id, 'Workbench id', l.id, p),
      propertyXml(RESERVED.type, 'Workbench type', l.type, p),
      propertyXml(AWB_DIRECTED, 'Directed', String(l.directed), p),
    );
    if (l.label === null) lines.push(propertyXml('awb.unlabelled', 'Unlabelled', 'true', p));
    if (l.description !== null) lines.push(propertyXml('maltego.link.manual.description', 'Description', l.description, p));
    if (l.startDate !== null) lines.push(propertyXml(RESERVED.startDate, 'Start date', l.startDate, p));
    if (l.endDate !== null) lines.push(propertyXml(RESERVED.endDate, 'End date', l.endDate, p));
    if (l.strength !== null) lines.push(propertyXml(RESERVED.strength, 'Strength', l.strength, p));
    lines.push(...attributeProperties(l.attributes, p));
    lines.push('          </mtg:Properties>', '        </mtg:MaltegoLink>', '      </data>', '      <data key="d3"><mtg:LinkRenderer/></data>', '    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return zipSync({ 'Graphs/Graph1.graphml': strToU8(lines.join('\n')) });
}
