import { isPartialDate } from '../domain';
import { ENTITY_TYPES } from '../entityTypes';
import { cellValue, dateFrom, decodeTable, EntityIndex, typeIdFrom, type TableRow } from './csv';
import type { CsvMapping } from './csvMapping';
import type { z } from 'zod';
import { addEvidence, citationSchema, describeZodError, noteSchema, sourceSchema, type Evidence } from './caseJson';
import { emptyGraph, InterchangeError, isUuid, putAttribute, type InterchangeGraph, type ParseLimits } from './graph';

/** A workbook as the import worker reads it: each sheet's rows of text cells (dates already ISO). */
export interface WorkbookTables {
  sheets: { name: string; rows: TableRow[] }[];
}

/**
 * The names of a zip archive's entries, from its central directory (no entry is unpacked), or
 * null when the bytes are not a readable zip. Enough to tell an Excel workbook from a Maltego graph.
 */
export function zipEntryNames(bytes: Uint8Array, limit = 100_000): string[] | null {
  const u16 = (at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
  const u32 = (at: number) => (u16(at) | (u16(at + 2) << 16)) >>> 0;
  // The end-of-central-directory record: the last 22 bytes, or earlier when a comment follows it.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end === -1) return null;
  const count = u16(end + 10);
  let at = u32(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count && i < limit; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return null;
    const nameLength = u16(at + 28);
    const skip = nameLength + u16(at + 30) + u16(at + 32);
    let name = '';
    for (let k = 0; k < nameLength && at + 46 + k < bytes.length; k++) name += String.fromCharCode(bytes[at + 46 + k] as number);
    names.push(name);
    at += 46 + skip;
  }
  return names;
}

/** What a zip archive is, by its contents: an Excel workbook, a Maltego graph, or neither. */
export function zipKind(bytes: Uint8Array): 'xlsx' | 'mtgx' | null {
  const names = zipEntryNames(bytes);
  if (names === null) return null;
  if (names.includes('xl/workbook.xml') || names.some((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) return 'xlsx';
  if (names.some((n) => /^Graphs\/[^/]+\.graphml$/i.test(n))) return 'mtgx';
  return null;
}

const ENTITY_SHEET = /^entit(y|ies)$/i;
const LINK_SHEET = /^(links?|relationships?|edges?)$/i;
const EVIDENCE_SHEET = /^(sources|citations|notes)$/i;

function headerIndex(header: readonly string[], ...names: string[]): number | undefined {
  const i = header.findIndex((h) => names.includes(h.trim().toLowerCase()));
  return i === -1 ? undefined : i;
}

/** The Entities sheet (ours, or any with a Label or Name column): one entity per row, other columns as attributes. */
function readEntitySheet(rows: readonly TableRow[], graph: InterchangeGraph, sheet: string): void {
  const header = (rows[0]?.cells ?? []).map((h) => h.trim());
  const label = headerIndex(header, 'label', 'name', 'entity');
  if (label === undefined) throw new InterchangeError(`The sheet "${sheet}" has no Label or Name column (its first row is ${header.slice(0, 10).join(', ')})`);
  const cols = {
    id: headerIndex(header, 'id'),
    type: headerIndex(header, 'type'),
    aliases: headerIndex(header, 'aliases'),
    description: headerIndex(header, 'description'),
    start: headerIndex(header, 'start date'),
    end: headerIndex(header, 'end date'),
  };
  const used = new Set([label, ...Object.values(cols).filter((c): c is number => c !== undefined)]);
  const entities = new EntityIndex(graph);
  for (const row of rows.slice(1)) {
    const cell = (i: number | undefined) => (i === undefined ? '' : (row.cells[i] ?? '').trim());
    const name = cell(label);
    if (name === '') {
      graph.skipped.push({ what: `${sheet} row ${row.line}`, reason: 'it has no label' });
      continue;
    }
    const type = typeIdFrom(cell(cols.type), ENTITY_TYPES) || 'other';
    const id = cell(cols.id);
    const own = isUuid(id) ? id.toLowerCase() : undefined;
    let entity = entities.ensure(name, type, row.line);
    if (own !== undefined && entity.id !== undefined && entity.id !== own) {
      // Two rows of the same name and type with their own ids are two entities (a case may hold namesakes).
      entity = { key: `id:${own}`, type, label: name, aliases: [], description: null, startDate: null, endDate: null, attributes: {}, locator: '' };
      graph.entities.push(entity);
    }
    entity.locator = `${sheet} row ${row.line}`;
    if (own !== undefined) entity.id = own;
    const aliases = cell(cols.aliases);
    if (aliases) entity.aliases = aliases.split(/\s*;\s*/).filter((a) => a !== '');
    entity.description = cell(cols.description) || null;
    entity.startDate = dateFrom(cell(cols.start), null);
    entity.endDate = dateFrom(cell(cols.end), null);
    header.forEach((name, i) => {
      const value = cell(i);
      if (!used.has(i) && value !== '') putAttribute(entity.attributes, name || `column ${i + 1}`, cellValue(row, i, value), graph.warnings);
    });
  }
}

/** Our own link columns (the case's ids, the direction, label, description and end), read back as what they are rather than as attributes. */
const OWN_LINK_COLUMNS = ['Link id', 'Source id', 'Target id', 'Directed', 'Label', 'Description', 'End date'] as const;

/**
 * A workbook our export wrote names each entity and link by its case id: take those ids (so two
 * entities of the same name stay two, and links find their ends by id), and the direction column.
 */
function adoptOwnIds(graph: InterchangeGraph, listed: number): void {
  const keyOfId = keysById(graph).entities;
  for (const link of graph.links) {
    const own = Object.fromEntries(OWN_LINK_COLUMNS.map((name) => [name, Object.prototype.hasOwnProperty.call(link.attributes, name) ? link.attributes[name] : undefined]));
    const linkId = typeof own['Link id'] === 'string' && isUuid(own['Link id']) ? own['Link id'].toLowerCase() : undefined;
    if (linkId === undefined) continue;
    for (const name of OWN_LINK_COLUMNS) delete link.attributes[name];
    link.id = linkId;
    const from = typeof own['Source id'] === 'string' ? keyOfId.get(own['Source id'].toLowerCase()) : undefined;
    const to = typeof own['Target id'] === 'string' ? keyOfId.get(own['Target id'].toLowerCase()) : undefined;
    if (from !== undefined) link.sourceKey = from;
    if (to !== undefined) link.targetKey = to;
    const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null);
    link.label = text(own.Label);
    link.description = text(own.Description);
    const end = text(own['End date']);
    if (end !== null && isPartialDate(end)) link.endDate = end;
    const directed = own.Directed;
    if (typeof directed === 'boolean') link.directed = directed;
    else if (typeof directed === 'string' && /^(true|false)$/i.test(directed)) link.directed = directed.toLowerCase() === 'true';
  }
  // A link row names its ends by label too: an entity made from that label alone, whose links all found their ends by id, is no one's.
  const used = new Set(graph.links.flatMap((l) => [l.sourceKey, l.targetKey]));
  graph.entities = graph.entities.filter((e, i) => i < listed || used.has(e.key));
}

/** A sheet's rows as objects keyed by its header, for the evidence sheets our export writes. */
function sheetRecords(rows: readonly TableRow[]): { line: number; get: (name: string) => string | null }[] {
  const header = (rows[0]?.cells ?? []).map((h) => h.trim().toLowerCase());
  return rows.slice(1).map((row) => ({
    line: row.line,
    get: (name: string) => {
      const i = header.indexOf(name.toLowerCase());
      const value = i === -1 ? '' : (row.cells[i] ?? '');
      return value.trim() === '' ? null : value;
    },
  }));
}

const number = (value: string | null) => (value === null ? null : Number(value));

/**
 * The Sources, Citations and Notes sheets of a workbook our export wrote, read back as the case's
 * own evidence (ids kept), so a round trip keeps every quote and grade. Rows that do not validate
 * are left out, each with its reason; the file then cites nothing itself (its rows carry their own).
 */
function readEvidenceSheets(workbook: WorkbookTables, graph: InterchangeGraph): boolean {
  const sheet = (name: string) => workbook.sheets.find((s) => s.name.trim().toLowerCase() === name);
  const sources = sheet('sources');
  const citations = sheet('citations');
  if (!sources || !citations) return false;
  const evidence: Evidence = { sources: [], citations: [], notes: [] };
  const take = <T>(what: string, parsed: { success: true; data: T } | { success: false; error: z.ZodError }, into: T[]) => {
    if (parsed.success) into.push(parsed.data);
    else graph.skipped.push({ what, reason: describeZodError(parsed.error, 'row').replace(/^This row is not valid/, 'it is not valid') });
  };
  for (const r of sheetRecords(sources.rows)) {
    take(`${sources.name} row ${r.line}`, sourceSchema.safeParse({ id: r.get('Id'), title: r.get('Title'), author: r.get('Author'), publisher: r.get('Publisher'), publishedDate: r.get('Published'), reference: r.get('Reference'), reliability: r.get('Reliability'), body: r.get('Text') }), evidence.sources);
  }
  for (const r of sheetRecords(citations.rows)) {
    take(`${citations.name} row ${r.line}`, citationSchema.safeParse({ id: r.get('Id'), sourceId: r.get('Source id'), entityId: r.get('Entity id'), linkId: r.get('Link id'), quote: r.get('Quote'), locator: r.get('Locator'), credibility: number(r.get('Credibility')), comment: r.get('Comment') }), evidence.citations);
  }
  const notes = sheet('notes');
  for (const r of notes ? sheetRecords(notes.rows) : []) {
    const on = r.get('On');
    const target = on === 'case' ? { kind: 'case' } : { kind: on, id: r.get('Target id') };
    take(`${notes?.name ?? 'Notes'} row ${r.line}`, noteSchema.safeParse({ id: r.get('Id'), target, body: r.get('Body') ?? '', author: r.get('Author'), credibility: number(r.get('Credibility')) }), evidence.notes);
  }
  // Our export grades a link row with its best citation; with the citations themselves read, those row grades would cite twice.
  graph.sources = graph.sources.filter((s) => !s.ofFile);
  graph.citations = [];
  graph.citeFile = false;
  const byId = keysById(graph);
  addEvidence(graph, {
    ...evidence,
    citations: evidence.citations.map((c) => ({ ...c, entityId: c.entityId && (byId.entities.get(c.entityId) ?? c.entityId), linkId: c.linkId && (byId.links.get(c.linkId) ?? c.linkId) })),
    notes: evidence.notes.map((n) => (n.target.kind === 'case' ? n : { ...n, target: { ...n.target, id: (n.target.kind === 'entity' ? byId.entities : byId.links).get(n.target.id) ?? n.target.id } })),
  });
  return true;
}

/** The graph's keys by case id, so the evidence sheets (which name ids) find the rows the other sheets made. */
function keysById(graph: InterchangeGraph): { entities: Map<string, string>; links: Map<string, string> } {
  return {
    entities: new Map(graph.entities.flatMap((e) => (e.id !== undefined ? [[e.id, e.key] as const] : []))),
    links: new Map(graph.links.flatMap((l) => (l.id !== undefined ? [[l.id, l.key] as const] : []))),
  };
}

/**
 * Reads an Excel workbook: an Entities sheet and a Links sheet (as our export writes them, the
 * links in i2-style rows), or else one sheet of rows mapped like a CSV file (the mapping's sheet,
 * or the first).
 */
export function decodeWorkbook(workbook: WorkbookTables, fileName: string, limits: ParseLimits, mapping?: CsvMapping): InterchangeGraph {
  const total = workbook.sheets.reduce((n, s) => n + s.rows.length, 0);
  if (total > limits.maxItems) throw new InterchangeError(`This workbook has more than ${limits.maxItems} rows`);
  const entitySheet = workbook.sheets.find((s) => ENTITY_SHEET.test(s.name.trim()));
  const linkSheet = workbook.sheets.find((s) => LINK_SHEET.test(s.name.trim()));
  if (mapping?.sheet === undefined && entitySheet && linkSheet) {
    const graph = emptyGraph('xlsx');
    readEntitySheet(entitySheet.rows, graph, entitySheet.name);
    const listed = graph.entities.length;
    decodeTable(linkSheet.rows, { fileName, format: 'xlsx', limits, mapping: { ...mapping, layout: 'rows', hasHeader: true }, sheet: linkSheet.name }, graph);
    for (const link of graph.links) link.locator = `${linkSheet.name} ${link.locator.replace(/^line/, 'row')}`;
    adoptOwnIds(graph, listed);
    const evidence = readEvidenceSheets(workbook, graph);
    const read = new Set([entitySheet, linkSheet, ...(evidence ? workbook.sheets.filter((s) => EVIDENCE_SHEET.test(s.name.trim())) : [])]);
    for (const s of workbook.sheets) {
      if (!read.has(s) && s.rows.length > 0) graph.skipped.push({ what: `the sheet "${s.name}"`, reason: evidence ? 'only the Entities, Links, Sources, Citations and Notes sheets are imported' : 'only the Entities and Links sheets are imported (and Sources, Citations and Notes together, as our export writes them)' });
    }
    if (graph.table) graph.table.layoutReason = `the workbook has an "${entitySheet.name}" sheet (${Math.max(0, entitySheet.rows.length - 1)} rows) and a "${linkSheet.name}" sheet read as rows of links`;
    return graph;
  }
  const sheet = mapping?.sheet !== undefined ? workbook.sheets.find((s) => s.name === mapping.sheet) : workbook.sheets.find((s) => s.rows.length > 0);
  if (!sheet) {
    if (mapping?.sheet !== undefined) throw new InterchangeError(`This workbook has no sheet named "${mapping.sheet}" (it has ${workbook.sheets.map((s) => `"${s.name}"`).join(', ')})`);
    throw new InterchangeError('This workbook has no rows in any sheet');
  }
  const graph = decodeTable(sheet.rows, { fileName, format: 'xlsx', limits, ...(mapping ? { mapping } : {}), sheet: sheet.name });
  for (const s of workbook.sheets) if (s !== sheet && s.rows.length > 0) graph.skipped.push({ what: `the sheet "${s.name}"`, reason: `only one sheet is read as rows ("${sheet.name}"); choose another in the mapping` });
  return graph;
}
