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
import { emptyGraph, InterchangeError, isUuid, putAttribute, type GraphSource, type InterchangeGraph, type ParseLimits } from './graph';
import { childrenNamed, firstChild, readXml, xmlAttributes, type XmlElement } from './xml';
import { importedAttributeName, positionsOf } from './xmlGraph';

/**
 * i2 Analyst's Notebook exchange charts (ANX), element and attribute names as i2's published schema
 * ("Analyst's Notebook 7.xsd") gives them: the chart's grading system as <GradeOne>, <GradeTwo>
 * and <GradeThree>, each a <StringCollection> of <String Text>; entity types in an
 * <EntityTypeCollection> (Name, IconFile: the standard i2 icon); an entity's <IconStyle Type>
 * names its entity type; a chart item's grades are indexes into those collections; cards
 * (<CardCollection><Card Summary Text SourceReference GradeOneIndex …>) carry the evidence.
 */

/** Our entity types → the standard i2 icon each is drawn with (the EntityType's IconFile). */
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
  phone_number: 'Phone',
  email_address: 'Email',
  ip_address: 'Computer',
  domain: 'Web Site',
  website: 'Web Site',
  vehicle: 'Vehicle',
  account: 'Account',
};

/** i2 icons → our entity types, for charts i2 wrote (their own type names say little; the icon says what it is). */
const ICON_TYPES: Record<string, string> = {
  terrorist: 'armed_group',
  person: 'person',
  man: 'person',
  woman: 'person',
  'person (male)': 'person',
  'person (female)': 'person',
  suspect: 'person',
  country: 'state',
  flag: 'state',
  government: 'government_body',
  military: 'armed_force',
  soldier: 'armed_force',
  organisation: 'organisation',
  organization: 'organisation',
  company: 'organisation',
  group: 'group',
  gang: 'armed_group',
  event: 'event',
  meeting: 'event',
  location: 'place',
  address: 'place',
  house: 'place',
  building: 'place',
  money: 'revenue_source',
  document: 'document',
  phone: 'phone_number',
  'mobile phone': 'phone_number',
  telephone: 'phone_number',
  email: 'email_address',
  'e-mail': 'email_address',
  computer: 'ip_address',
  'ip address': 'ip_address',
  'web site': 'website',
  website: 'website',
  vehicle: 'vehicle',
  car: 'vehicle',
  account: 'account',
  'bank account': 'account',
  entity: 'other',
};

const STRENGTHS = [
  { name: 'Confirmed', dot: 'DotStyleSolid' },
  { name: 'Unconfirmed', dot: 'DotStyleDashed' },
  { name: 'Tentative', dot: 'DotStyleDotted' },
] as const;

/** Grade three is i2's third grading axis (handling, in most grading systems); the case records none. */
const GRADE_THREE = ['Not recorded'];

/** Attribute classes for the fields i2 has no place of its own for. */
const FIELD_CLASSES = ['Aliases', 'Type', 'Start date', 'End date'];

/** A user attribute named like one of those classes (or like an escaped one) is written under "attribute.<name>". */
function attributeClassName(name: string): string {
  return FIELD_CLASSES.includes(name) || name.startsWith('attribute.') ? `attribute.${name}` : name;
}

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

function entityTypeName(type: string): string {
  const definition = entityTypeDefinition(type);
  return definition.id === type ? definition.label : type;
}

/** Identities unique across the chart: i2 treats two entities of one identity as one. The label when it is free, else the label with the entity's id. */
function uniqueIdentities(entities: CaseDocument['entities']): Map<string, string> {
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const identities = new Map<string, string>();
  const used = new Set<string>();
  for (const e of entities) {
    let identity = (counts.get(e.label) ?? 0) > 1 || e.label.trim() === '' ? `${e.label} (${e.id.slice(0, 8)})` : e.label;
    if (used.has(identity)) identity = `${e.label} (${e.id})`;
    used.add(identity);
    identities.set(e.id, identity);
  }
  return identities;
}

/**
 * Writes the case as an i2 Analyst's Notebook exchange chart (ANX): entities with their entity
 * types (each drawn with a standard i2 icon) and positions; links with arrows and strengths;
 * each item graded with its best citation (grade one the source's reliability, grade two the
 * information's credibility); and every citation as a card with its quote, source and grades.
 */
export function encodeAnx(doc: CaseDocument): string {
  const positions = positionsOf(doc);
  const sources = new Map(doc.sources.map((s) => [s.id, s]));
  const best = new Map<string, Grade>();
  const cards = new Map<string, CaseDocument['citations']>();
  for (const c of doc.citations) {
    const itemId = c.entityId ?? c.linkId;
    const source = sources.get(c.sourceId);
    if (itemId === null || source === undefined) continue;
    cards.set(itemId, [...(cards.get(itemId) ?? []), c]);
    const grade = { reliability: source.reliability, credibility: c.credibility };
    const known = best.get(itemId);
    if (!known || `${grade.reliability}${grade.credibility}` < `${known.reliability}${known.credibility}`) best.set(itemId, grade);
  }
  const gradeIndexes = (grade: Grade | undefined) =>
    grade ? { GradeOneIndex: RELIABILITY_GRADES.indexOf(grade.reliability), GradeTwoIndex: CREDIBILITY_GRADES.indexOf(grade.credibility), GradeThreeIndex: 0 } : {};
  const attributeNames = [...new Set([...doc.entities, ...doc.links].flatMap((item) => Object.keys(item.attributes)))];
  const kindOf = (name: string) => {
    const values = [...doc.entities, ...doc.links].map((item) => (Object.hasOwn(item.attributes, name) ? item.attributes[name] : undefined)).filter((v) => v !== undefined);
    return values.every((v) => typeof v === 'number') ? 'AttNumber' : values.every((v) => typeof v === 'boolean') ? 'AttFlag' : 'AttText';
  };
  const strings = (name: string, texts: readonly string[]) => [`  <${name}>`, '    <StringCollection>', ...texts.map((text) => `      <String${xmlAttributes({ Text: text })}/>`), '    </StringCollection>', `  </${name}>`];
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // Ends are referred to by EntityId (not by IDREF); not rigorous, so that ANB opens the chart even if it takes issue with one item.
    `<Chart${xmlAttributes({ IdReferenceLinking: 'false', Rigorous: 'false' })}>`,
    ...strings('GradeOne', RELIABILITY_GRADES.map((g) => `${g} - ${RELIABILITY_LABELS[g]}`)),
    ...strings('GradeTwo', CREDIBILITY_GRADES.map((g) => `${g} - ${CREDIBILITY_LABELS[g]}`)),
    ...strings('GradeThree', GRADE_THREE),
    '  <StrengthCollection>',
    ...STRENGTHS.map((s) => `    <Strength${xmlAttributes({ Name: s.name, DotStyle: s.dot })}/>`),
    '  </StrengthCollection>',
    '  <AttributeClassCollection>',
    ...FIELD_CLASSES.map((name) => `    <AttributeClass${xmlAttributes({ Name: name, Type: 'AttText', ShowValue: 'true', UserCanAdd: 'true', UserCanRemove: 'true' })}/>`),
    ...attributeNames.map((name) => `    <AttributeClass${xmlAttributes({ Name: attributeClassName(name), Type: kindOf(name), ShowValue: 'true', UserCanAdd: 'true', UserCanRemove: 'true' })}/>`),
    '  </AttributeClassCollection>',
    '  <EntityTypeCollection>',
    ...[...new Set(doc.entities.map((e) => e.type))].map((type) => `    <EntityType${xmlAttributes({ Name: entityTypeName(type), IconFile: I2_ICONS[type] ?? 'Entity' })}/>`),
    '  </EntityTypeCollection>',
    '  <LinkTypeCollection>',
    ...[...new Set(doc.links.map((l) => linkTypeDefinition(l.type).label))].map((name) => `    <LinkType${xmlAttributes({ Name: name })}/>`),
    '  </LinkTypeCollection>',
    '  <ChartItemCollection>',
  ];
  const attributeBlock = (pairs: [string, AttributeValue | null][]) => {
    const kept = pairs.filter((p): p is [string, AttributeValue] => p[1] !== null && p[1] !== '');
    if (kept.length === 0) return;
    lines.push('      <AttributeCollection>');
    for (const [name, value] of kept) lines.push(`        <Attribute${xmlAttributes({ AttributeClass: name, Value: String(value) })}/>`);
    lines.push('      </AttributeCollection>');
  };
  const cardBlock = (itemId: string, indent: string) => {
    const itemCards = cards.get(itemId) ?? [];
    if (itemCards.length === 0) return;
    lines.push(`${indent}<CardCollection>`);
    for (const c of itemCards) {
      const source = sources.get(c.sourceId) as CaseDocument['sources'][number];
      lines.push(
        `${indent}  <Card${xmlAttributes({
          Summary: c.locator ?? '',
          Text: c.quote,
          SourceReference: source.title,
          SourceType: source.publisher ?? undefined,
          DateSet: 'false',
          ...gradeIndexes({ reliability: source.reliability, credibility: c.credibility }),
        })}/>`,
      );
    }
    lines.push(`${indent}</CardCollection>`);
  };
  const identities = uniqueIdentities(doc.entities);
  doc.entities.forEach((e, i) => {
    const position = positions.get(e.id) ?? { x: (i % 12) * 150, y: Math.floor(i / 12) * 150 };
    const type = entityTypeName(e.type);
    lines.push(`    <ChartItem${xmlAttributes({ Label: e.label, Description: e.description ?? undefined, XPosition: Math.round(position.x), ...i2DateTime(e.startDate), ...gradeIndexes(best.get(e.id)) })}>`);
    lines.push(`      <End${xmlAttributes({ X: Math.round(position.x), Y: Math.round(position.y) })}>`);
    lines.push(`        <Entity${xmlAttributes({ EntityId: e.id, Identity: identities.get(e.id), LabelIsIdentity: 'false' })}>`);
    lines.push(`          <Icon><IconStyle${xmlAttributes({ Type: type })}/></Icon>`);
    cardBlock(e.id, '          ');
    lines.push('        </Entity>');
    lines.push('      </End>');
    attributeBlock([['Type', type], ['Aliases', e.aliases.join('; ')], ['Start date', e.startDate], ['End date', e.endDate], ...Object.entries(e.attributes).map(([name, value]): [string, AttributeValue] => [attributeClassName(name), value])]);
    lines.push('    </ChartItem>');
  });
  for (const l of doc.links) {
    const typeLabel = linkTypeDefinition(l.type).label;
    lines.push(`    <ChartItem${xmlAttributes({ Label: l.label ?? typeLabel, Description: l.description ?? undefined, XPosition: 0, ...i2DateTime(l.startDate), ...gradeIndexes(best.get(l.id)) })}>`);
    lines.push(`      <Link${xmlAttributes({ End1Id: l.sourceId, End2Id: l.targetId })}>`);
    lines.push(`        <LinkStyle${xmlAttributes({ ArrowStyle: l.directed ? 'ArrowOnHead' : 'ArrowNone', Type: typeLabel, Strength: strengthOf(l, best.get(l.id)), MlStyle: 'MultiplicityMultiple' })}/>`);
    cardBlock(l.id, '        ');
    lines.push('      </Link>');
    attributeBlock([['Type', typeLabel], ['Start date', l.startDate], ['End date', l.endDate], ...Object.entries(l.attributes).map(([name, value]): [string, AttributeValue] => [attributeClassName(name), value])]);
    lines.push('    </ChartItem>');
  }
  lines.push('  </ChartItemCollection>', '</Chart>', '');
  return lines.join('\n');
}

const STRENGTH_NAMES: Record<string, LinkStrength> = { confirmed: 'confirmed', unconfirmed: 'unconfirmed', tentative: 'tentative' };

/** One grading axis's texts: <GradeOne><StringCollection><String Text> as i2 writes it (and, from our earlier exports, <GradeOneCollection><String>). */
function gradeTexts(chart: XmlElement, axis: 'GradeOne' | 'GradeTwo' | 'GradeThree'): string[] {
  const holder = firstChild(chart, axis);
  const strings = holder ? childrenNamed(firstChild(holder, 'StringCollection') ?? holder, 'String') : childrenNamed(firstChild(chart, `${axis}Collection`) ?? chart, 'String');
  return strings.map((s) => (s.attributes.get('Text') ?? s.attributes.get('Id') ?? '').trim());
}

/** The Admiralty grade a grading text stands for: "A - Completely reliable" → A, "B" → B, "Usually reliable" → B. */
function reliabilityOf(text: string | undefined): Reliability | undefined {
  if (text === undefined) return undefined;
  const letter = /^([A-F])(?:\b|\s|-|$)/i.exec(text.trim())?.[1]?.toUpperCase();
  return RELIABILITY_GRADES.find((g) => g === letter) ?? RELIABILITY_GRADES.find((g) => RELIABILITY_LABELS[g].toLowerCase() === text.trim().toLowerCase());
}

function credibilityOf(text: string | undefined): Credibility | undefined {
  if (text === undefined) return undefined;
  const digit = /^([1-6])(?:\b|\s|-|$)/.exec(text.trim())?.[1];
  return CREDIBILITY_GRADES.find((g) => String(g) === digit) ?? CREDIBILITY_GRADES.find((g) => CREDIBILITY_LABELS[g].toLowerCase() === text.trim().toLowerCase());
}

function dateOf(item: XmlElement): string | null {
  if (item.attributes.get('DateSet') !== 'true' && item.attributes.get('DateSet') !== '1') return null;
  const day = item.attributes.get('DateTime')?.slice(0, 10);
  return day !== undefined && isPartialDate(day) ? day : null;
}

/**
 * Reads an i2 Analyst's Notebook exchange chart (ANX): entities with their identities, entity types
 * (through the icon each type is drawn with), positions and attributes; links with their ends,
 * arrows and strengths; every card as a citation of its source, graded with the card's grade one
 * (reliability) and grade two (credibility). An item without cards but with grades is cited as
 * the file itself, graded so (as CSV grades are).
 */
export function decodeAnx(text: string, fileName: string, limits: ParseLimits): InterchangeGraph {
  const chart = readXml(text, limits);
  if (chart.name !== 'Chart') throw new InterchangeError(`This is not an i2 ANX chart: its root element is <${chart.name}>, not <Chart>`);
  const graph = emptyGraph('anx');
  const gradeOne = gradeTexts(chart, 'GradeOne');
  const gradeTwo = gradeTexts(chart, 'GradeTwo');
  const gradeOf = (element: XmlElement) => ({
    reliability: reliabilityOf(gradeOne[Number(element.attributes.get('GradeOneIndex') ?? -1)]),
    credibility: credibilityOf(gradeTwo[Number(element.attributes.get('GradeTwoIndex') ?? -1)]),
  });
  const fileGrades = new Set<Reliability>();
  const cardSources = new Map<string, GraphSource>();
  const cite = (holder: XmlElement, item: XmlElement, target: { kind: 'entity' | 'link'; key: string }, fallbackQuote: string, locator: string) => {
    const cardElements = childrenNamed(holder, 'CardCollection').concat(childrenNamed(item, 'CardCollection')).flatMap((c) => childrenNamed(c, 'Card'));
    for (const card of cardElements) {
      const quote = card.attributes.get('Text') ?? '';
      const { reliability, credibility } = gradeOf(card);
      if (!quote.trim()) {
        graph.skipped.push({ what: `a card at line ${card.line}`, reason: 'it has no text to cite' });
        continue;
      }
      const title = (card.attributes.get('SourceReference') ?? '').trim() || `${fileName} (cards)`;
      const grade = reliability ?? 'F';
      const key = `card:${grade}:${title}`;
      if (!cardSources.has(key)) {
        const sourceType = card.attributes.get('SourceType')?.trim();
        cardSources.set(key, { key, title, author: null, publisher: sourceType || null, publishedDate: null, reference: null, reliability: grade, body: null });
      }
      const summary = card.attributes.get('Summary')?.trim();
      graph.citations.push({ sourceKey: key, target, quote, locator: summary || null, credibility: credibility ?? 6, comment: null });
    }
    if (cardElements.length > 0) return;
    const { reliability, credibility } = gradeOf(item);
    if (reliability === undefined || credibility === undefined || !fallbackQuote.trim()) return;
    fileGrades.add(reliability);
    graph.citations.push({ sourceKey: `graded:${reliability}`, target, quote: fallbackQuote, locator, credibility, comment: null });
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
  /** Entity type name → the i2 icon it is drawn with. */
  const iconFiles = new Map<string, string>();
  for (const block of childrenNamed(chart, 'EntityTypeCollection')) {
    for (const t of childrenNamed(block, 'EntityType')) iconFiles.set(t.attributes.get('Name') ?? '', t.attributes.get('IconFile') ?? '');
  }
  /** A value as its attribute class types it: AttNumber a number, AttFlag a boolean, anything else text. */
  const typed = (name: string, value: string): AttributeValue => {
    const type = classTypes.get(name);
    if (type === 'AttFlag' && (value === 'true' || value === 'false')) return value === 'true';
    if (type === 'AttNumber' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
    return value;
  };
  /** Our type for an i2 entity type: one of our type names, else what its icon shows, else its own name. */
  const entityType = (typeName: string): string => {
    const ours = ENTITY_TYPES.find((t) => t.label.toLowerCase() === typeName.trim().toLowerCase() || t.id === typeName.trim());
    if (ours) return ours.id;
    const icon = (iconFiles.get(typeName) ?? '').trim().toLowerCase();
    return ICON_TYPES[icon] ?? ICON_TYPES[typeName.trim().toLowerCase()] ?? (typeName.trim() ? typeIdFrom(typeName, ENTITY_TYPES) || 'other' : 'other');
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
    const iconType = firstChild(firstChild(entityElement, 'Icon') ?? entityElement, 'IconStyle')?.attributes.get('Type') ?? '';
    const typeLabel = values.get('Type');
    const type = typeLabel ? typeIdFrom(typeLabel, ENTITY_TYPES) || 'other' : entityType(iconType);
    const label = (item.attributes.get('Label') ?? entityElement.attributes.get('Identity') ?? key).trim() || key;
    const attributes = {};
    for (const [name, value] of values) if (!FIELD_CLASSES.includes(name)) putAttribute(attributes, importedAttributeName(name), typed(name, value), graph.warnings);
    const identity = entityElement.attributes.get('Identity');
    // i2 tells an entity by its identity: when it is not the label (and not our own disambiguated label), it is kept.
    const ownIdentity = identity === `${label} (${key.slice(0, 8)})` || identity === `${label} (${key})`;
    if (identity !== undefined && identity.trim() !== label && !ownIdentity && !Object.hasOwn(attributes, 'Identity')) putAttribute(attributes, 'Identity', identity, graph.warnings);
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
    cite(entityElement, item, { kind: 'entity', key }, label, `entity ${key}`);
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
    for (const [name, value] of values) if (!FIELD_CLASSES.includes(name)) putAttribute(attributes, importedAttributeName(name), typed(name, value), graph.warnings);
    const start = values.get('Start date');
    const end = values.get('End date');
    const strength = STRENGTH_NAMES[(style?.attributes.get('Strength') ?? style?.attributes.get('StrengthReference') ?? '').toLowerCase()];
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
    cite(link, item, { kind: 'link', key }, label ?? typeLabel, `link at line ${item.line}`);
  });
  graph.sources.push(...cardSources.values());
  for (const reliability of fileGrades) {
    graph.sources.push({ key: `graded:${reliability}`, title: `${fileName} (items graded ${reliability})`, author: null, publisher: null, publishedDate: null, reference: null, reliability, body: null, ofFile: true });
  }
  return graph;
}
