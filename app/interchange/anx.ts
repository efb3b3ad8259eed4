import {
  CREDIBILITY_GRADES,
  CREDIBILITY_LABELS,
  isPartialDate,
  RELIABILITY_GRADES,
  RELIABILITY_LABELS,
  type AttributeValue,
  type CaseDocument,
  type Credibility,
  type LinkStrength,
  type Reliability,
} from '../domain';
import { ENTITY_TYPES, entityTypeDefinition } from '../entityTypes';
import { LINK_TYPES, linkTypeDefinition } from '../linkTypes';
import { typeIdFrom } from './csv';
import { emptyGraph, InterchangeError, isUuid, putAttribute, type InterchangeGraph, type ParseLimits } from './graph';
import { childrenNamed, firstChild, readXml, xmlAttributes, type XmlElement } from './xml';
import { positionsOf } from './xmlGraph';

/** i2 icon types for our entity types (Analyst's Notebook standard icon names). */
const I2_ICONS: Record<string, string> = {
  armed_group: 'Terrorist',
  person: 'Person',
  state: 'Country',
  government_body: 'Government',
  armed_force: 'Military',
  international_organisation: 'Organisation',
  coalition: 'Group',
  organisation: 'Organisation',
  military_operation: 'Event',
  place: 'Location',
  ethnic_group: 'Group',
  revenue_source: 'Money',
  event: 'Event',
  group: 'Group',
  document: 'Document',
  other: 'Entity',
};

const STRENGTHS = [
  { name: 'Confirmed', dot: 'DotStyleSolid' },
  { name: 'Unconfirmed', dot: 'DotStyleDashed' },
  { name: 'Tentative', dot: 'DotStyleDotted' },
] as const;

type Grade = { reliability: Reliability; credibility: Credibility };

/** The i2 strength of a link: set by hand when the case has one, else from its best citation's credibility. */
function strengthOf(link: CaseDocument['links'][number], best: Grade | undefined): string {
  if (link.strength === 'confirmed') return 'Confirmed';
  if (link.strength === 'unconfirmed') return 'Unconfirmed';
  if (link.strength === 'tentative') return 'Tentative';
  if (!best) return 'Unconfirmed';
  return best.credibility <= 2 ? 'Confirmed' : best.credibility === 3 ? 'Unconfirmed' : 'Tentative';
}

function i2DateTime(date: string | null): Record<string, string> {
  if (date === null) return {};
  const [y, m, d] = date.split('-');
  return { DateSet: 'true', DateTime: `${y}-${m ?? '01'}-${d ?? '01'}T00:00:00.000` };
}

/**
 * Writes the case as an i2 Analyst's Notebook exchange chart (ANX XML): entities with i2 icon
 * types and positions, links with arrow style and strength, Admiralty grades (grade one is the
 * source's reliability, grade two the information's credibility), attributes and descriptions.
 */
export function encodeAnx(doc: CaseDocument): string {
  const positions = positionsOf(doc);
  const reliability = new Map(doc.sources.map((s) => [s.id, s.reliability]));
  const best = new Map<string, Grade>();
  for (const c of doc.citations) {
    const itemId = c.entityId ?? c.linkId;
    const r = reliability.get(c.sourceId);
    if (itemId === null || r === undefined) continue;
    const grade = { reliability: r, credibility: c.credibility };
    const known = best.get(itemId);
    if (!known || `${r}${c.credibility}` < `${known.reliability}${known.credibility}`) best.set(itemId, grade);
  }
  const gradeAttributes = (id: string) => {
    const grade = best.get(id);
    return grade ? { GradeOneIndex: RELIABILITY_GRADES.indexOf(grade.reliability), GradeTwoIndex: CREDIBILITY_GRADES.indexOf(grade.credibility) } : {};
  };
  const attributeNames = [...new Set([...doc.entities, ...doc.links].flatMap((item) => Object.keys(item.attributes)))];
  const kindOf = (name: string) => {
    const values = [...doc.entities, ...doc.links].map((item) => item.attributes[name]).filter((v) => v !== undefined);
    return values.every((v) => typeof v === 'number') ? 'AttNumber' : values.every((v) => typeof v === 'boolean') ? 'AttFlag' : 'AttText';
  };
  const attributeClasses = ['Aliases', 'Type', 'Start date', 'End date', ...attributeNames];
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Chart${xmlAttributes({ SchemaVersion: '7.0.0.1', IdReferenceLinking: 'false', Rigorous: 'false' })}>`,
    '  <StrengthCollection>',
    ...STRENGTHS.map((s) => `    <Strength${xmlAttributes({ Name: s.name, DotStyle: s.dot })}/>`),
    '  </StrengthCollection>',
    '  <GradeOneCollection>',
    ...RELIABILITY_GRADES.map((g) => `    <String${xmlAttributes({ Text: `${g} - ${RELIABILITY_LABELS[g]}` })}/>`),
    '  </GradeOneCollection>',
    '  <GradeTwoCollection>',
    ...CREDIBILITY_GRADES.map((g) => `    <String${xmlAttributes({ Text: `${g} - ${CREDIBILITY_LABELS[g]}` })}/>`),
    '  </GradeTwoCollection>',
    '  <AttributeClassCollection>',
    ...attributeClasses.map((name) => `    <AttributeClass${xmlAttributes({ Name: name, Type: ['Aliases', 'Type', 'Start date', 'End date'].includes(name) ? 'AttText' : kindOf(name), ShowValue: 'true', UserCanAdd: 'true', UserCanRemove: 'true' })}/>`),
    '  </AttributeClassCollection>',
    '  <EntityTypeCollection>',
    ...[...new Set(doc.entities.map((e) => e.type))].map((type) => `    <EntityType${xmlAttributes({ Name: entityTypeDefinition(type).id === type ? entityTypeDefinition(type).label : type, IconFile: I2_ICONS[type] ?? 'Entity' })}/>`),
    '  </EntityTypeCollection>',
    '  <LinkTypeCollection>',
    ...[...new Set(doc.links.map((l) => l.type))].map((type) => `    <LinkType${xmlAttributes({ Name: linkTypeDefinition(type).label })}/>`),
    '  </LinkTypeCollection>',
    '  <ChartItemCollection>',
  ];
  const attributeBlock = (pairs: [string, string | number | boolean | null][]) => {
    const kept = pairs.filter((p): p is [string, string | number | boolean] => p[1] !== null && p[1] !== '');
    if (kept.length === 0) return;
    lines.push('      <AttributeCollection>');
    for (const [name, value] of kept) lines.push(`        <Attribute${xmlAttributes({ AttributeClass: name, Value: String(value) })}/>`);
    lines.push('      </AttributeCollection>');
  };
  doc.entities.forEach((e, i) => {
    const position = positions.get(e.id) ?? { x: (i % 12) * 150, y: Math.floor(i / 12) * 150 };
    const type = entityTypeDefinition(e.type).id === e.type ? entityTypeDefinition(e.type).label : e.type;
    lines.push(`    <ChartItem${xmlAttributes({ Label: e.label, Description: e.description ?? undefined, XPosition: Math.round(position.x), ...i2DateTime(e.startDate), ...gradeAttributes(e.id) })}>`);
    lines.push(`      <End${xmlAttributes({ X: Math.round(position.x), Y: Math.round(position.y) })}>`);
    lines.push(`        <Entity${xmlAttributes({ EntityId: e.id, Identity: e.label, LabelIsIdentity: 'true' })}>`);
    lines.push(`          <Icon><IconStyle${xmlAttributes({ Type: I2_ICONS[e.type] ?? 'Entity' })}/></Icon>`);
    lines.push('        </Entity>');
    lines.push('      </End>');
    attributeBlock([['Type', type], ['Aliases', e.aliases.join('; ')], ['Start date', e.startDate], ['End date', e.endDate], ...Object.entries(e.attributes)]);
    lines.push('    </ChartItem>');
  });
  for (const l of doc.links) {
    const typeLabel = linkTypeDefinition(l.type).label;
    lines.push(`    <ChartItem${xmlAttributes({ Label: l.label ?? typeLabel, Description: l.description ?? undefined, XPosition: 0, ...i2DateTime(l.startDate), ...gradeAttributes(l.id) })}>`);
    lines.push(`      <Link${xmlAttributes({ End1Id: l.sourceId, End2Id: l.targetId })}>`);
    lines.push(`        <LinkStyle${xmlAttributes({ ArrowStyle: l.directed ? 'ArrowOnHead' : 'ArrowNone', Type: typeLabel, Strength: strengthOf(l, best.get(l.id)), MlStyle: 'MultiplicityMultiple' })}/>`);
    lines.push('      </Link>');
    attributeBlock([['Type', typeLabel], ['Start date', l.startDate], ['End date', l.endDate], ...Object.entries(l.attributes)]);
    lines.push('    </ChartItem>');
  }
  lines.push('  </ChartItemCollection>', '</Chart>', '');
  return lines.join('\n');
}

const ICON_TYPES = new Map(Object.entries(I2_ICONS).map(([type, icon]) => [icon.toLowerCase(), type]));
const STRENGTH_NAMES: Record<string, LinkStrength> = { confirmed: 'confirmed', unconfirmed: 'unconfirmed', tentative: 'tentative' };

/** "A - Completely reliable" → A; "2 - Probably true" → 2: the grade a collection entry names. */
function gradesOf(chart: XmlElement, collection: string): string[] {
  const block = firstChild(chart, collection);
  return block ? childrenNamed(block, 'String').map((s) => (s.attributes.get('Text') ?? s.attributes.get('Id') ?? '').trim()) : [];
}

function dateOf(item: XmlElement): string | null {
  if (item.attributes.get('DateSet') === 'false') return null;
  const day = item.attributes.get('DateTime')?.slice(0, 10);
  return day !== undefined && isPartialDate(day) ? day : null;
}

/**
 * Reads an i2 Analyst's Notebook exchange chart (ANX): entities with their identities, icon types,
 * positions and attributes; links with their ends, arrows and strengths; grade one (source
 * reliability) and grade two (credibility) as graded citations of the file, as CSV grades are.
 */
export function decodeAnx(text: string, fileName: string, limits: ParseLimits): InterchangeGraph {
  const chart = readXml(text, limits);
  if (chart.name !== 'Chart') throw new InterchangeError(`This is not an i2 ANX chart: its root element is <${chart.name}>, not <Chart>`);
  const graph = emptyGraph('anx');
  const gradeOne = gradesOf(chart, 'GradeOneCollection');
  const gradeTwo = gradesOf(chart, 'GradeTwoCollection');
  const graded = new Set<Reliability>();
  const grade = (item: XmlElement, target: { kind: 'entity' | 'link'; key: string }, quote: string, locator: string) => {
    const one = gradeOne[Number(item.attributes.get('GradeOneIndex') ?? -1)];
    const two = gradeTwo[Number(item.attributes.get('GradeTwoIndex') ?? -1)];
    const reliability = RELIABILITY_GRADES.find((g) => g === one?.[0]?.toUpperCase());
    const credibility = CREDIBILITY_GRADES.find((g) => String(g) === two?.[0]);
    if (reliability === undefined || credibility === undefined || !quote.trim()) return;
    graded.add(reliability);
    graph.citations.push({ sourceKey: `graded:${reliability}`, target, quote, locator, credibility, comment: null });
  };
  const attributesOf = (item: XmlElement) => {
    const values = new Map<string, string>();
    for (const block of childrenNamed(item, 'AttributeCollection')) {
      for (const attribute of childrenNamed(block, 'Attribute')) {
        const name = attribute.attributes.get('AttributeClass') ?? attribute.attributes.get('AttributeClassReference');
        const value = attribute.attributes.get('Value');
        if (name !== undefined && value !== undefined) values.set(name, value);
      }
    }
    return values;
  };
  const classTypes = new Map<string, string>();
  for (const block of childrenNamed(chart, 'AttributeClassCollection')) {
    for (const c of childrenNamed(block, 'AttributeClass')) classTypes.set(c.attributes.get('Name') ?? '', c.attributes.get('Type') ?? 'AttText');
  }
  /** A value as its attribute class types it: AttNumber a number, AttFlag a boolean, anything else text. */
  const typed = (name: string, value: string): AttributeValue => {
    const type = classTypes.get(name);
    if (type === 'AttFlag' && (value === 'true' || value === 'false')) return value === 'true';
    if (type === 'AttNumber' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
    return value;
  };
  const items = childrenNamed(chart, 'ChartItemCollection').flatMap((c) => childrenNamed(c, 'ChartItem'));
  const keys = new Set<string>();
  for (const item of items) {
    const end = firstChild(item, 'End');
    const entityElement = end ? firstChild(end, 'Entity') : undefined;
    if (!end || !entityElement) continue;
    const key = entityElement.attributes.get('EntityId') ?? entityElement.attributes.get('Identity');
    if (key === undefined || keys.has(key)) {
      graph.skipped.push({ what: `an entity at line ${item.line}`, reason: key === undefined ? 'it has no id' : 'another entity has the same id' });
      continue;
    }
    keys.add(key);
    const values = attributesOf(item);
    const icon = firstChild(firstChild(entityElement, 'Icon') ?? entityElement, 'IconStyle')?.attributes.get('Type') ?? '';
    const typeLabel = values.get('Type');
    const type = typeLabel ? typeIdFrom(typeLabel, ENTITY_TYPES) || 'other' : (ICON_TYPES.get(icon.toLowerCase()) ?? (icon ? typeIdFrom(icon, ENTITY_TYPES) : 'other'));
    const label = (item.attributes.get('Label') ?? entityElement.attributes.get('Identity') ?? key).trim().slice(0, 1000) || key;
    const attributes = {};
    for (const [name, value] of values) if (!['Type', 'Aliases', 'Start date', 'End date'].includes(name)) putAttribute(attributes, name, typed(name, value), graph.warnings);
    const start = values.get('Start date');
    const end_ = values.get('End date');
    const x = Number(end.attributes.get('X'));
    const y = Number(end.attributes.get('Y'));
    graph.entities.push({
      key,
      ...(isUuid(key) ? { id: key.toLowerCase() } : {}),
      type,
      label,
      aliases: (values.get('Aliases') ?? '').split(';').map((a) => a.trim()).filter((a) => a.length > 0 && a !== label),
      description: item.attributes.get('Description') ?? null,
      startDate: start !== undefined && isPartialDate(start) ? start : dateOf(item),
      endDate: end_ !== undefined && isPartialDate(end_) ? end_ : null,
      attributes,
      ...(Number.isFinite(x) && Number.isFinite(y) ? { position: { x, y } } : {}),
      locator: `${fileName}: entity ${key}, line ${item.line}`,
    });
    grade(item, { kind: 'entity', key }, label, `entity ${key}`);
    if (graph.entities.length > limits.maxItems) throw new InterchangeError(`This chart has more than ${limits.maxItems} entities`);
  }
  items.forEach((item, index) => {
    const link = firstChild(item, 'Link');
    if (!link) return;
    let from = link.attributes.get('End1Id');
    let to = link.attributes.get('End2Id');
    if (from === undefined || to === undefined || !keys.has(from) || !keys.has(to)) {
      graph.skipped.push({ what: `a link at line ${item.line}`, reason: 'an end of it is not in the chart' });
      return;
    }
    const style = firstChild(link, 'LinkStyle');
    const arrow = style?.attributes.get('ArrowStyle') ?? 'ArrowOnHead';
    if (arrow === 'ArrowOnTail') [from, to] = [to, from];
    const values = attributesOf(item);
    const typeLabel = values.get('Type') ?? style?.attributes.get('Type') ?? '';
    const type = typeLabel ? typeIdFrom(typeLabel, LINK_TYPES) || 'related_to' : 'related_to';
    const label = item.attributes.get('Label') ?? null;
    const attributes = {};
    for (const [name, value] of values) if (!['Type', 'Start date', 'End date'].includes(name)) putAttribute(attributes, name, typed(name, value), graph.warnings);
    const start = values.get('Start date');
    const end = values.get('End date');
    const strength = STRENGTH_NAMES[(style?.attributes.get('Strength') ?? '').toLowerCase()];
    const key = `link:${index}`;
    graph.links.push({
      key,
      type,
      sourceKey: from,
      targetKey: to,
      directed: arrow === 'ArrowOnHead' || arrow === 'ArrowOnTail',
      label: label !== null && label !== linkTypeDefinition(type).label ? label : null,
      description: item.attributes.get('Description') ?? null,
      startDate: start !== undefined && isPartialDate(start) ? start : dateOf(item),
      endDate: end !== undefined && isPartialDate(end) ? end : null,
      attributes,
      ...(strength ? { strength } : {}),
      locator: `link at line ${item.line}`,
    });
    grade(item, { kind: 'link', key }, label ?? typeLabel, `link at line ${item.line}`);
  });
  for (const reliability of graded) {
    graph.sources.push({ key: `graded:${reliability}`, title: `${fileName} (items graded ${reliability})`, author: null, publisher: null, publishedDate: null, reference: null, reliability, body: null, ofFile: true });
  }
  return graph;
}
