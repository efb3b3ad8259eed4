import { ENTITY_TYPES } from '../entityTypes';
import { cellValue, dateFrom, decodeTable, EntityIndex, typeIdFrom, type TableRow } from './csv';
import type { CsvMapping } from './csvMapping';
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
    const entity = entities.ensure(name, type, row.line);
    entity.locator = `${sheet} row ${row.line}`;
    const id = cell(cols.id);
    if (isUuid(id)) entity.id = id.toLowerCase();
    const aliases = cell(cols.aliases);
    if (aliases) entity.aliases = aliases.split(/\s*;\s*/).filter((a) => a !== '').map((a) => a.slice(0, 1000));
    entity.description = cell(cols.description) || null;
    entity.startDate = dateFrom(cell(cols.start), null);
    entity.endDate = dateFrom(cell(cols.end), null);
    header.forEach((name, i) => {
      const value = cell(i);
      if (!used.has(i) && value !== '') putAttribute(entity.attributes, name || `column ${i + 1}`, cellValue(row, i, value), graph.warnings);
    });
  }
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
    decodeTable(linkSheet.rows, { fileName, format: 'xlsx', limits, mapping: { ...mapping, layout: 'rows', hasHeader: true }, sheet: linkSheet.name }, graph);
    for (const link of graph.links) link.locator = `${linkSheet.name} ${link.locator.replace(/^line/, 'row')}`;
    for (const s of workbook.sheets) {
      if (s !== entitySheet && s !== linkSheet && s.rows.length > 0) graph.skipped.push({ what: `the sheet "${s.name}"`, reason: 'only the Entities and Links sheets are imported' });
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
