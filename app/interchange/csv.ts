import { parse } from 'csv-parse/sync';
import { admiraltyGrade, CREDIBILITY_GRADES, isPartialDate, RELIABILITY_GRADES, type CaseDocument, type Reliability } from '../domain';
import { ENTITY_TYPES } from '../entityTypes';
import { LINK_TYPES, linkTypeDefinition } from '../linkTypes';
import { I2_STYLE_MAPPING, type CsvMapping } from './csvMapping';
import { emptyGraph, InterchangeError, putAttribute, type InterchangeGraph, type ParseLimits } from './graph';

type Column = string | number;

/** A type id from a cell: a catalogue id or label ("Armed group" → armed_group), else the words joined by "_". */
export function typeIdFrom(value: string, catalogue: readonly { id: string; label: string }[]): string {
  const trimmed = value.trim();
  const lower = trimmed.toLowerCase();
  const known = catalogue.find((t) => t.id === lower || t.label.toLowerCase() === lower);
  if (known) return known.id;
  return lower.replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 100);
}

/** A date cell as a partial date: YYYY, YYYY-MM, YYYY-MM-DD, an ISO timestamp, or DD/MM/YYYY. */
function dateFrom(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  if (isPartialDate(v)) return v;
  if (/^\d{4}-\d{2}-\d{2}T/.test(v) && isPartialDate(v.slice(0, 10))) return v.slice(0, 10);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (dmy) {
    const iso = `${dmy[3]}-${(dmy[2] ?? '').padStart(2, '0')}-${(dmy[1] ?? '').padStart(2, '0')}`;
    if (isPartialDate(iso)) return iso;
  }
  return null;
}

const HEADER_WORDS = /^(entity|type|link|date|grade|from|to|source|target|label|name|relationship)/i;

/**
 * Reads CSV rows, each a link between two entities (i2-style: entity, type, link, entity, type,
 * date, grade), with a column mapping. Entities are the distinct (label, type) pairs; a grade such
 * as "B2" grades the row: the file becomes one source per reliability letter, and the row's
 * credibility goes on its citations. Columns the mapping does not name are kept as link attributes.
 */
export function decodeCsv(text: string, fileName: string, limits: ParseLimits, mapping: CsvMapping = I2_STYLE_MAPPING): InterchangeGraph {
  const delimiter = mapping.delimiter ?? (fileName.toLowerCase().endsWith('.tsv') ? '\t' : guessDelimiter(text));
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: limits.maxValueLength,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as Error & { lines?: number; column?: number };
    const message = e.message.replace(/^Invalid Record Length:/, 'a row has the wrong number of fields:');
    throw new InterchangeError(`This CSV file is malformed: ${message}`, e.lines !== undefined ? { line: e.lines, column: typeof e.column === 'number' ? e.column + 1 : 1 } : undefined);
  }
  const graph = emptyGraph('csv');
  if (rows.length > limits.maxItems) throw new InterchangeError(`This file has more than ${limits.maxItems} rows`);
  const first = rows[0]?.record ?? [];
  const usesNames = [mapping.from.label, mapping.to.label, mapping.grade].some((c) => typeof c === 'string');
  const named = first.filter((cell) => cell.trim() !== '');
  const hasHeader = mapping.hasHeader ?? (usesNames || (named.length > 0 && named.filter((cell) => HEADER_WORDS.test(cell.trim())).length * 2 >= named.length));
  const header = hasHeader ? first.map((h) => h.trim()) : [];
  const body = hasHeader ? rows.slice(1) : rows;

  const indexOf = (column: Column | undefined, role: string): number | undefined => {
    if (column === undefined) return undefined;
    if (typeof column === 'number') return column;
    const i = header.findIndex((h) => h.toLowerCase() === column.toLowerCase());
    if (i === -1) throw new InterchangeError(`The column "${column}" chosen for ${role} is not in the file’s header (${header.join(', ')})`);
    return i;
  };
  const cols = {
    fromLabel: indexOf(mapping.from.label, 'the first entity') as number,
    fromType: indexOf(mapping.from.type, 'the first entity’s type'),
    toLabel: indexOf(mapping.to.label, 'the second entity') as number,
    toType: indexOf(mapping.to.type, 'the second entity’s type'),
    linkType: indexOf(mapping.link?.type, 'the link type'),
    linkLabel: indexOf(mapping.link?.label, 'the link label'),
    linkDescription: indexOf(mapping.link?.description, 'the link description'),
    startDate: indexOf(mapping.link?.startDate, 'the date'),
    endDate: indexOf(mapping.link?.endDate, 'the end date'),
    grade: indexOf(mapping.grade, 'the grade'),
    reliability: indexOf(mapping.reliability, 'the reliability'),
    credibility: indexOf(mapping.credibility, 'the credibility'),
  };
  const mapped = new Set(Object.values(cols).filter((c): c is number => c !== undefined));
  const attributeColumns =
    mapping.attributes !== undefined
      ? mapping.attributes.map((c) => indexOf(c, 'an attribute') as number)
      : header.map((_, i) => i).filter((i) => !mapped.has(i));

  const entityKeys = new Map<string, string>();
  const graded = new Set<Reliability>();
  const entityCitations = new Map<string, number>();
  const cell = (record: string[], index: number | undefined) => (index === undefined ? '' : (record[index] ?? '').trim());

  const entityFor = (label: string, typeCell: string, fixedType: string | undefined, line: number): string => {
    const type = typeCell ? typeIdFrom(typeCell, ENTITY_TYPES) || 'other' : (fixedType ?? 'other');
    const key = `${type}:${label.toLowerCase()}`;
    const known = entityKeys.get(key);
    if (known !== undefined) return known;
    graph.entities.push({ key, type, label: label.slice(0, 1000), aliases: [], description: null, startDate: null, endDate: null, attributes: {}, locator: `line ${line}` });
    entityKeys.set(key, key);
    return key;
  };

  for (const { record, info } of body) {
    const line = info.lines;
    const fromLabel = cell(record, cols.fromLabel);
    const toLabel = cell(record, cols.toLabel);
    if (!fromLabel) {
      graph.skipped.push({ what: `line ${line}`, reason: 'it names no first entity' });
      continue;
    }
    const from = entityFor(fromLabel, cell(record, cols.fromType), mapping.from.fixedType, line);
    if (!toLabel) continue;
    const to = entityFor(toLabel, cell(record, cols.toType), mapping.to.fixedType, line);

    const typeCell = cell(record, cols.linkType);
    const type = typeCell ? typeIdFrom(typeCell, LINK_TYPES) || 'related_to' : (mapping.link?.fixedType ?? 'related_to');
    const rawStart = cell(record, cols.startDate);
    const rawEnd = cell(record, cols.endDate);
    const startDate = dateFrom(rawStart);
    const endDate = dateFrom(rawEnd);
    if ((rawStart && !startDate) || (rawEnd && !endDate)) graph.warnings.push(`Line ${line}: the date "${rawStart && !startDate ? rawStart : rawEnd}" is not a date; it was left out.`);
    const attributes = {};
    for (const i of attributeColumns) {
      const value = cell(record, i);
      if (value) putAttribute(attributes, header[i] || `column ${i + 1}`, value, graph.warnings);
    }
    const key = `line:${line}`;
    graph.links.push({
      key,
      type,
      sourceKey: from,
      targetKey: to,
      directed: mapping.link?.directed ?? linkTypeDefinition(type).directed,
      label: cell(record, cols.linkLabel) || null,
      description: cell(record, cols.linkDescription) || null,
      startDate,
      endDate,
      attributes,
      locator: `line ${line}`,
    });

    const grade = cell(record, cols.grade).toUpperCase();
    const reliabilityCell = grade ? grade[0] : cell(record, cols.reliability).toUpperCase();
    const credibilityCell = grade ? grade.slice(1) : cell(record, cols.credibility);
    const reliability = RELIABILITY_GRADES.find((r) => r === reliabilityCell);
    const credibility = CREDIBILITY_GRADES.find((c) => String(c) === credibilityCell.trim());
    if ((grade || reliabilityCell || credibilityCell) && (reliability === undefined || credibility === undefined)) {
      graph.warnings.push(`Line ${line}: "${grade || `${reliabilityCell}${credibilityCell}`}" is not an Admiralty grade (A–F and 1–6); the row is ungraded.`);
    }
    if (reliability !== undefined && credibility !== undefined) {
      graded.add(reliability);
      const sourceKey = `graded:${reliability}`;
      graph.citations.push({ sourceKey, target: { kind: 'link', key }, quote: typeCell || type, locator: `line ${line}`, credibility, comment: null });
      // An entity named on many rows gets one citation: from the row with its best grade.
      for (const [end, label] of [[from, fromLabel], [to, toLabel]] as const) {
        const known = entityCitations.get(end);
        const citation = known === undefined ? undefined : graph.citations[known];
        if (citation === undefined) {
          entityCitations.set(end, graph.citations.length);
          graph.citations.push({ sourceKey, target: { kind: 'entity', key: end }, quote: label, locator: `line ${line}`, credibility, comment: null });
        } else if (`${reliability}${credibility}` < `${citation.sourceKey.slice(-1)}${citation.credibility}`) {
          Object.assign(citation, { sourceKey, quote: label, locator: `line ${line}`, credibility });
        }
      }
    }
  }
  const used = new Set(graph.citations.map((c) => c.sourceKey));
  for (const reliability of graded) {
    if (!used.has(`graded:${reliability}`)) continue;
    graph.sources.push({ key: `graded:${reliability}`, title: `${fileName} (rows graded ${reliability})`, author: null, publisher: null, publishedDate: null, reference: null, reliability, body: null, ofFile: true });
  }
  return graph;
}

function guessDelimiter(text: string): string {
  const line = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const counts = [',', ';', '\t', '|'].map((d) => [d, line.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

/** Neutralises a cell a spreadsheet would read as a formula (= + - @, tab, CR, LF first) with a leading apostrophe. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
}

function csvRow(cells: readonly (string | number | boolean | null)[]): string {
  return cells
    .map((cell) => {
      const text = neutraliseCell(cell === null ? '' : String(cell));
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

/**
 * The case as two CSV tables. Links read back with the default i2-style mapping: their first
 * columns are entity, type, link, entity, type, date, grade (the link's best Admiralty grade).
 */
export function encodeCsv(doc: CaseDocument): { entities: string; links: string } {
  const entityAttributes = [...new Set(doc.entities.flatMap((e) => Object.keys(e.attributes)))];
  const linkAttributes = [...new Set(doc.links.flatMap((l) => Object.keys(l.attributes)))];
  const entities = [
    csvRow(['Id', 'Type', 'Label', 'Aliases', 'Description', 'Start date', 'End date', ...entityAttributes]),
    ...doc.entities.map((e) =>
      csvRow([e.id, e.type, e.label, e.aliases.join('; '), e.description, e.startDate, e.endDate, ...entityAttributes.map((k) => e.attributes[k] ?? null)]),
    ),
  ];
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const reliability = new Map(doc.sources.map((s) => [s.id, s.reliability]));
  const bestGrade = new Map<string, string>();
  for (const c of doc.citations) {
    if (c.linkId === null) continue;
    const r = reliability.get(c.sourceId);
    if (r === undefined) continue;
    const grade = admiraltyGrade(r, c.credibility);
    const known = bestGrade.get(c.linkId);
    if (known === undefined || grade < known) bestGrade.set(c.linkId, grade);
  }
  const links = [
    csvRow(['Entity', 'Type', 'Link', 'Entity', 'Type', 'Date', 'Grade', 'End date', 'Label', 'Description', 'Directed', 'Link id', 'Source id', 'Target id', ...linkAttributes]),
    ...doc.links.map((l) =>
      csvRow([
        byId.get(l.sourceId)?.label ?? l.sourceId,
        byId.get(l.sourceId)?.type ?? null,
        l.type,
        byId.get(l.targetId)?.label ?? l.targetId,
        byId.get(l.targetId)?.type ?? null,
        l.startDate,
        bestGrade.get(l.id) ?? null,
        l.endDate,
        l.label,
        l.description,
        l.directed,
        l.id,
        l.sourceId,
        l.targetId,
        ...linkAttributes.map((k) => l.attributes[k] ?? null),
      ]),
    ),
  ];
  return { entities: `${entities.join('\r\n')}\r\n`, links: `${links.join('\r\n')}\r\n` };
}
