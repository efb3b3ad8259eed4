import chardet from 'chardet';
import { parse } from 'csv-parse/sync';
import { admiraltyGrade, CREDIBILITY_GRADES, isPartialDate, RELIABILITY_GRADES, type Attributes, type CaseDocument, type Reliability } from '../domain';
import { ENTITY_TYPES } from '../entityTypes';
import { LINK_TYPES, linkTypeDefinition } from '../linkTypes';
import {
  I2_STYLE_MAPPING,
  TABLE_LAYOUT_LABELS,
  TEXT_ENCODINGS,
  type CsvMapping,
  type DateOrder,
  type TableLayout,
  type TableReading,
  type TextEncoding,
} from './csvMapping';
import { neutraliseCell } from '../spreadsheetCell';
import { emptyGraph, InterchangeError, putAttribute, type ImportFormat, type InterchangeGraph, type ParseLimits } from './graph';

type Column = string | number;

/** One row of a table (a CSV record or a spreadsheet row), with the line (or row number) it stands on. */
export interface TableRow {
  line: number;
  cells: string[];
  /** A spreadsheet's numbers and booleans as they were typed (by column), so attributes keep their type. */
  typed?: Record<number, number | boolean>;
}

/** An attribute value from a cell: the spreadsheet's own number or boolean, else the text. */
export function cellValue(row: TableRow, index: number, text: string): string | number | boolean {
  return row.typed !== undefined && Object.hasOwn(row.typed, index) ? (row.typed[index] as number | boolean) : text;
}

/** A type id from a cell: a catalogue id or label ("Armed group" → armed_group), else the words joined by "_". */
export function typeIdFrom(value: string, catalogue: readonly { id: string; label: string }[]): string {
  const trimmed = value.trim();
  const lower = trimmed.toLowerCase();
  const known = catalogue.find((t) => t.id === lower || t.label.toLowerCase() === lower);
  if (known) return known.id;
  return lower.replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 100);
}

// ---------------------------------------------------------------------------------------------
// Text encodings

/** How a table's bytes were turned into text, for the preview. */
export interface DecodedTable {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
  reason: string;
}

/** Decodes bytes in a WHATWG encoding (TextDecoder, injected: app/ runs where there may be none). */
export type DecodeAs = (bytes: Uint8Array, encoding: TextEncoding) => string;

const BOMS: readonly { bytes: readonly number[]; encoding: TextEncoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** chardet's names → ours. ISO-8859-1 is read as windows-1252 (its superset, as browsers and TextDecoder do). */
function encodingFromDetector(name: string): TextEncoding | undefined {
  const lower = name.toLowerCase();
  if (lower === 'iso-8859-1' || lower === 'ascii') return 'windows-1252';
  return TEXT_ENCODINGS.find((e) => e === lower);
}

/**
 * UTF-16 without a byte order mark: text that is mostly ASCII has a zero in every other byte.
 * The detector only recognises UTF-16 by its mark, and Excel's "Unicode text" may lack one.
 */
function guessBomlessUtf16(bytes: Uint8Array): TextEncoding | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * A table's text, in the encoding the analyst chose, else as its byte order mark says, else UTF-8
 * when the bytes are valid UTF-8, else what the detector (chardet) finds. Says which and why.
 */
export function decodeTableBytes(bytes: Uint8Array, chosen: TextEncoding | undefined, decodeUtf8: (bytes: Uint8Array) => string, decodeAs: DecodeAs): DecodedTable {
  const bom = BOMS.find((b) => b.bytes.every((value, i) => bytes[i] === value));
  if (chosen !== undefined) {
    const body = bom && bom.encoding === chosen ? bytes.subarray(bom.bytes.length) : bytes;
    return { text: stripBom(decodeAs(body, chosen)), encoding: chosen, bom: bom?.encoding === chosen, reason: 'chosen in the mapping' };
  }
  if (bom) {
    const body = bytes.subarray(bom.bytes.length);
    const text = bom.encoding === 'utf-8' ? decodeUtf8(body) : decodeAs(body, bom.encoding);
    return { text, encoding: bom.encoding, bom: true, reason: 'the file starts with its byte order mark' };
  }
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) return { text: decodeAs(bytes, utf16), encoding: utf16, bom: false, reason: 'every other byte is zero (UTF-16 without a byte order mark)' };
  try {
    return { text: decodeUtf8(bytes), encoding: 'utf-8', bom: false, reason: 'the file is valid UTF-8' };
  } catch {
    // Not UTF-8: ask the detector below.
  }
  const matches = chardet.analyse(bytes);
  for (const match of matches) {
    const encoding = encodingFromDetector(match.name);
    if (encoding === undefined || encoding === 'utf-8') continue;
    return { text: decodeAs(bytes, encoding), encoding, bom: false, reason: `not UTF-8; the detector (chardet) says ${match.name}, confidence ${match.confidence}%` };
  }
  const named = matches[0]?.name;
  throw new InterchangeError(`This file is not UTF-8 and its encoding could not be recognised${named ? ` (the detector says ${named}, which cannot be read)` : ''}; choose the encoding in the mapping`);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// ---------------------------------------------------------------------------------------------
// Dates

const SLASHED_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A date cell as a partial date: YYYY, YYYY-MM, YYYY-MM-DD or an ISO timestamp; D/M/Y or M/D/Y by `order`. */
export function dateFrom(value: string, order: DateOrder | null): string | null {
  const v = value.trim();
  if (v === '') return null;
  if (isPartialDate(v)) return v;
  if (/^\d{4}-\d{2}-\d{2}[T ]/.test(v) && isPartialDate(v.slice(0, 10))) return v.slice(0, 10);
  const slashed = SLASHED_DATE.exec(v);
  if (slashed && (order === 'dmy' || order === 'mdy')) {
    const [day, month] = order === 'dmy' ? [slashed[1], slashed[2]] : [slashed[2], slashed[1]];
    const iso = `${slashed[3]}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
    if (isPartialDate(iso)) return iso;
  }
  return null;
}

/**
 * The order slashed dates are read in: the mapping's, else what the file's own dates show (a first
 * number above 12 can only be a day). Ambiguous dates are never guessed: they are left out, and
 * the reason says to choose the order.
 */
export function resolveDateOrder(cells: readonly { value: string; line: number }[], chosen: DateOrder | undefined): { order: DateOrder | null; reason: string; ambiguous: number } {
  if (chosen !== undefined) return { order: chosen, reason: 'chosen in the mapping', ambiguous: 0 };
  let dayFirst: { value: string; line: number } | undefined;
  let monthFirst: { value: string; line: number } | undefined;
  let slashed = 0;
  let undecided = 0;
  for (const cell of cells) {
    const m = SLASHED_DATE.exec(cell.value.trim());
    if (!m) continue;
    slashed++;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dayFirst ??= cell;
    else if (b > 12 && a <= 12) monthFirst ??= cell;
    else if (a !== b) undecided++;
  }
  if (slashed === 0) return { order: null, reason: 'no day/month dates in the file', ambiguous: 0 };
  if (dayFirst && monthFirst) {
    return { order: null, reason: `the dates disagree ("${dayFirst.value}" on line ${dayFirst.line} is day first, "${monthFirst.value}" on line ${monthFirst.line} month first): choose the date order`, ambiguous: slashed };
  }
  if (dayFirst) return { order: 'dmy', reason: `day first: "${dayFirst.value}" on line ${dayFirst.line} can only be read so`, ambiguous: 0 };
  if (monthFirst) return { order: 'mdy', reason: `month first: "${monthFirst.value}" on line ${monthFirst.line} can only be read so`, ambiguous: 0 };
  if (undecided === 0) return { order: 'dmy', reason: 'every day/month date has the same day and month', ambiguous: 0 };
  return { order: null, reason: `${undecided} dates such as day/month or month/day could be read either way: choose the date order (D/M/Y or M/D/Y)`, ambiguous: undecided };
}

// ---------------------------------------------------------------------------------------------
// Layouts

const HEADER_WORDS = /^(entity|type|link|date|grade|from|to|source|target|label|name|relationship|weight|id|node|edge|value)/i;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function isNumeric(cell: string | undefined): boolean {
  return cell !== undefined && NUMBER.test(cell.trim());
}

function isBlank(cell: string | undefined): boolean {
  return cell === undefined || cell.trim() === '';
}

function looksLikeHeader(cells: readonly string[]): boolean {
  const named = cells.filter((cell) => cell.trim() !== '');
  return named.length > 0 && named.filter((cell) => HEADER_WORDS.test(cell.trim())).length * 2 >= named.length;
}

/** Evidence that rows form an adjacency matrix (same names across the first row and down the first column, numbers between), or null. */
function matrixEvidence(rows: readonly TableRow[]): string | null {
  const top = rows[0]?.cells;
  if (!top || top.length < 3 || rows.length < 3) return null;
  const across = top.slice(1).map((c) => c.trim());
  const down = rows.slice(1).map((r) => (r.cells[0] ?? '').trim());
  while (across.length > 0 && across[across.length - 1] === '') across.pop();
  if (across.length !== down.length || across.some((n) => n === '') || down.some((n) => n === '')) return null;
  const acrossSet = new Set(across);
  if (acrossSet.size !== across.length || !down.every((name) => acrossSet.has(name))) return null;
  for (const row of rows.slice(1)) {
    for (let j = 1; j <= across.length; j++) if (!isBlank(row.cells[j]) && !isNumeric(row.cells[j])) return null;
  }
  const order = across.every((name, i) => name === down[i]) ? 'in the same order' : 'in another order';
  return `the first row and the first column name the same ${across.length} entities (${order}), and every cell between is a number`;
}

/** Evidence that rows are an edge list (two names, then only numbers), or null. */
function edgeListEvidence(body: readonly TableRow[]): string | null {
  if (body.length === 0) return null;
  let width = 0;
  for (const row of body) {
    if (isBlank(row.cells[0]) || isBlank(row.cells[1])) return null;
    for (let j = 2; j < row.cells.length; j++) if (!isBlank(row.cells[j]) && !isNumeric(row.cells[j])) return null;
    width = Math.max(width, row.cells.length);
  }
  return width <= 2 ? 'every row holds two names and nothing else' : `every row holds two names, then only numbers (${width - 2} numeric column${width > 3 ? 's' : ''})`;
}

interface LayoutChoice {
  layout: TableLayout;
  reason: string;
  hasHeader: boolean;
}

/** Which layout a table is in: the mapping's, else the evidence (a matrix, then an edge list, else i2-style rows). */
function chooseLayout(rows: readonly TableRow[], mapping: CsvMapping | undefined): LayoutChoice {
  const first = rows[0]?.cells ?? [];
  const usesNames = [mapping?.from?.label, mapping?.to?.label, mapping?.grade].some((c) => typeof c === 'string');
  const headerFor = (layout: TableLayout): boolean => {
    if (mapping?.hasHeader !== undefined) return mapping.hasHeader;
    if (layout === 'matrix') return true;
    if (usesNames || looksLikeHeader(first)) return true;
    // "Person A, Person B, Strength" over rows whose third cell is a number.
    return layout === 'edgeList' && first.length > 2 && !isNumeric(first[2]) && isNumeric(rows[1]?.cells[2]);
  };
  if (mapping?.layout !== undefined) return { layout: mapping.layout, reason: 'chosen in the mapping', hasHeader: headerFor(mapping.layout) };
  const matrix = matrixEvidence(rows);
  if (matrix !== null) return { layout: 'matrix', reason: matrix, hasHeader: true };
  // Column numbers (the dialog's defaults) do not rule out an edge list; header names do.
  if (!usesNames) {
    const hasHeader = headerFor('edgeList');
    const edgeList = edgeListEvidence(hasHeader ? rows.slice(1) : rows);
    if (edgeList !== null) return { layout: 'edgeList', reason: edgeList, hasHeader };
  }
  const hasHeader = headerFor('rows');
  return { layout: 'rows', reason: hasHeader ? 'the first row is a header, and the rows are not an edge list or a matrix' : 'the rows are not an edge list or a matrix', hasHeader };
}

// ---------------------------------------------------------------------------------------------
// Reading a table

/** Where a table came from, besides its rows. */
export interface TableContext {
  fileName: string;
  format: ImportFormat;
  limits: ParseLimits;
  mapping?: CsvMapping;
  decoded?: Omit<DecodedTable, 'text'>;
  delimiter?: string;
  sheet?: string;
}

const SAMPLE_ROWS = 10;

/** Entities keyed by type and lower-cased label, so "JNIM" on many rows is one entity. */
export class EntityIndex {
  private readonly byKey = new Map<string, InterchangeGraph['entities'][number]>();
  constructor(private readonly graph: InterchangeGraph) {
    for (const e of graph.entities) this.byKey.set(e.key, e);
  }

  static keyOf(type: string, label: string): string {
    return `${type}:${label.toLowerCase()}`;
  }

  get(key: string): InterchangeGraph['entities'][number] | undefined {
    return this.byKey.get(key);
  }

  /** The entity of this label and type, created at `line` when new. */
  ensure(label: string, type: string, line: number): InterchangeGraph['entities'][number] {
    const key = EntityIndex.keyOf(type, label);
    const known = this.byKey.get(key);
    if (known) return known;
    const entity = { key, type, label, aliases: [], description: null, startDate: null, endDate: null, attributes: {}, locator: `line ${line}` };
    this.graph.entities.push(entity);
    this.byKey.set(key, entity);
    return entity;
  }
}

/**
 * Reads a table's rows into the interchange graph in the layout the mapping gives or the rows
 * show, and records what it understood (`graph.table`) for the preview.
 */
export function decodeTable(rows: readonly TableRow[], context: TableContext, into?: InterchangeGraph): InterchangeGraph {
  const { limits, mapping } = context;
  const graph = into ?? emptyGraph(context.format);
  if (rows.length > limits.maxItems) throw new InterchangeError(`This file has more than ${limits.maxItems} rows`);
  const choice = chooseLayout(rows, mapping);
  const header = choice.hasHeader ? (rows[0]?.cells ?? []).map((h) => h.trim()) : [];
  const body = choice.hasHeader ? rows.slice(1) : rows;
  const entities = new EntityIndex(graph);
  const reading: TableReading = {
    layout: choice.layout,
    layoutReason: choice.reason,
    encoding: context.decoded?.encoding ?? null,
    bom: context.decoded?.bom ?? false,
    encodingReason: context.decoded?.reason ?? (context.sheet !== undefined ? 'a spreadsheet holds text, not bytes' : ''),
    delimiter: context.delimiter ?? null,
    hasHeader: choice.hasHeader,
    dateOrder: null,
    dateOrderReason: '',
    sheet: context.sheet ?? null,
    columns: header.length > 0 ? header : Array.from({ length: Math.max(0, ...rows.slice(0, 50).map((r) => r.cells.length)) }, (_, i) => `column ${i + 1}`),
    rows: body.length,
    sample: [],
  };
  const sample = (row: TableRow, reads: string) => {
    if (reading.sample.length < SAMPLE_ROWS) reading.sample.push({ line: row.line, cells: row.cells.slice(0, 20).map((c) => c.slice(0, 200)), reads });
  };
  if (choice.layout === 'matrix') readMatrix(rows, context, graph, entities, sample);
  else if (choice.layout === 'edgeList') readEdgeList(body, header, context, graph, entities, sample);
  else readRows(body, header, context, graph, entities, sample, reading);

  warnAboutNumericNames(graph, choice, rows);
  graph.table = reading;
  return graph;
}

/** Never silently 321 entities called "1", "2", "3": names that are all numbers are said in the preview. */
function warnAboutNumericNames(graph: InterchangeGraph, choice: LayoutChoice, rows: readonly TableRow[]): void {
  const numeric = graph.entities.filter((e) => isNumeric(e.label));
  if (numeric.length >= 2 && numeric.length * 2 >= graph.entities.length) {
    const examples = numeric.slice(0, 3).map((e) => `"${e.label}"`).join(', ');
    graph.warnings.unshift(
      `${numeric.length} of ${graph.entities.length} entities are named only by a number (${examples}, …): they may be ids or cell values rather than names. The file was read as ${TABLE_LAYOUT_LABELS[choice.layout]} (${choice.reason}); check the layout and the columns in the mapping before importing.`,
    );
  }
  if (choice.layout !== 'matrix') {
    const matrix = matrixEvidence(rows);
    if (matrix !== null) graph.warnings.unshift(`This file looks like an adjacency matrix (${matrix}) but was read as ${TABLE_LAYOUT_LABELS[choice.layout]}.`);
  }
}

function readMatrix(rows: readonly TableRow[], context: TableContext, graph: InterchangeGraph, entities: EntityIndex, sample: (row: TableRow, reads: string) => void): void {
  const top = rows[0]?.cells ?? [];
  const names = top.slice(1).map((c) => c.trim());
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  if (names.length === 0) throw new InterchangeError('This matrix has no names across its first row');
  const type = context.mapping?.from?.fixedType ?? 'other';
  const linkType = context.mapping?.link?.fixedType ?? 'related_to';
  const firstLine = rows[0]?.line ?? 1;
  const column = new Map<string, number>();
  names.forEach((name, j) => {
    if (name === '') throw new InterchangeError(`Column ${j + 2} of the matrix has no name`, { line: firstLine, column: j + 2 });
    if (column.has(name)) throw new InterchangeError(`The name "${name.slice(0, 100)}" heads two columns of the matrix`, { line: firstLine, column: j + 2 });
    column.set(name, j);
    entities.ensure(name, type, firstLine);
  });
  const values: (number | null)[][] = names.map(() => names.map(() => null));
  const rowOf = new Map<string, number>();
  for (const row of rows.slice(1)) {
    const name = (row.cells[0] ?? '').trim();
    const i = column.get(name);
    if (i === undefined) throw new InterchangeError(`The row "${name.slice(0, 100)}" is not one of the matrix's column names`, { line: row.line, column: 1 });
    if (rowOf.has(name)) throw new InterchangeError(`The name "${name.slice(0, 100)}" heads two rows of the matrix`, { line: row.line, column: 1 });
    rowOf.set(name, row.line);
    for (let j = 0; j < names.length; j++) {
      const cell = (row.cells[j + 1] ?? '').trim();
      if (cell === '') continue;
      const value = Number(cell);
      if (!isNumeric(cell) || !Number.isFinite(value)) throw new InterchangeError(`The matrix cell "${cell.slice(0, 50)}" is not a number`, { line: row.line, column: j + 2 });
      values[i]![j] = value;
    }
  }
  const symmetric = values.every((row, i) => row.every((v, j) => (v ?? 0) === (values[j]![i] ?? 0)));
  const weighted = values.some((row) => row.some((v) => v !== null && v !== 0 && v !== 1));
  let selfLoops = 0;
  for (let i = 0; i < names.length; i++) {
    const from = names[i] as string;
    const line = rowOf.get(from) ?? firstLine;
    const targets: string[] = [];
    for (let j = symmetric ? i : 0; j < names.length; j++) {
      const value = values[i]![j] ?? 0;
      if (value === 0) continue;
      if (i === j) {
        selfLoops++;
        continue;
      }
      const to = names[j] as string;
      targets.push(to);
      const attributes: Attributes = {};
      if (weighted) putAttribute(attributes, 'weight', value);
      graph.links.push({
        key: `cell:${i + 1}:${j + 1}`,
        type: linkType,
        sourceKey: EntityIndex.keyOf(type, from),
        targetKey: EntityIndex.keyOf(type, to),
        directed: !symmetric,
        label: null,
        description: null,
        startDate: null,
        endDate: null,
        attributes,
        locator: `line ${line}, column ${j + 2}`,
      });
      if (graph.links.length + graph.entities.length > context.limits.maxItems) throw new InterchangeError(`This matrix makes more than ${context.limits.maxItems} entities and links`);
    }
    const row = rows.find((r) => (r.cells[0] ?? '').trim() === from);
    if (row && i < SAMPLE_ROWS) sample(row, `${from}: ${targets.length === 0 ? 'no links' : `${symmetric ? 'linked with' : 'links to'} ${targets.slice(0, 5).join(', ')}${targets.length > 5 ? `, and ${targets.length - 5} more` : ''}`}`);
  }
  if (selfLoops > 0) graph.skipped.push({ what: `${selfLoops} cells on the matrix's diagonal`, reason: 'an entity linked to itself is not imported' });
  graph.warnings.push(
    `Read as an adjacency matrix of ${names.length} entities: ${symmetric ? 'symmetric, so each pair is one undirected link' : 'not symmetric, so each cell is a directed link from its row to its column'}${weighted ? ', with the cell value as the link’s "weight" attribute' : ''}.`,
  );
}

function readEdgeList(body: readonly TableRow[], header: readonly string[], context: TableContext, graph: InterchangeGraph, entities: EntityIndex, sample: (row: TableRow, reads: string) => void): void {
  const type = context.mapping?.from?.fixedType ?? 'other';
  const targetType = context.mapping?.to?.fixedType ?? type;
  const linkType = context.mapping?.link?.fixedType ?? 'related_to';
  const directed = context.mapping?.link?.directed ?? linkTypeDefinition(linkType).directed;
  const names = (i: number) => header[i] || (i === 2 ? 'weight' : `column ${i + 1}`);
  for (const row of body) {
    const from = (row.cells[0] ?? '').trim();
    const to = (row.cells[1] ?? '').trim();
    if (from === '' || to === '') {
      graph.skipped.push({ what: `line ${row.line}`, reason: 'it does not name two entities' });
      sample(row, 'not imported: it does not name two entities');
      continue;
    }
    entities.ensure(from, type, row.line);
    entities.ensure(to, targetType, row.line);
    const attributes: Attributes = {};
    for (let i = 2; i < row.cells.length; i++) {
      const cell = (row.cells[i] ?? '').trim();
      if (cell !== '') putAttribute(attributes, names(i), isNumeric(cell) ? Number(cell) : cell, graph.warnings);
    }
    graph.links.push({
      key: `line:${row.line}`,
      type: linkType,
      sourceKey: EntityIndex.keyOf(type, from),
      targetKey: EntityIndex.keyOf(targetType, to),
      directed,
      label: null,
      description: null,
      startDate: null,
      endDate: null,
      attributes,
      locator: `line ${row.line}`,
    });
    const extras = Object.entries(attributes).map(([k, v]) => `${k} ${String(v)}`);
    sample(row, `${from} ${directed ? '→' : '—'} ${to}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`);
  }
}

function readRows(
  body: readonly TableRow[],
  header: readonly string[],
  context: TableContext,
  graph: InterchangeGraph,
  entities: EntityIndex,
  sample: (row: TableRow, reads: string) => void,
  reading: TableReading,
): void {
  // Without a first-entity column, the i2-style columns stand for whatever the mapping leaves out.
  const given = context.mapping;
  const mapping: CsvMapping =
    given?.from !== undefined
      ? given
      : { ...given, from: I2_STYLE_MAPPING.from, to: given?.to ?? I2_STYLE_MAPPING.to, link: given?.link ?? I2_STYLE_MAPPING.link, grade: given?.grade ?? I2_STYLE_MAPPING.grade };
  const fromEnd = mapping.from ?? { label: 0 };
  const toEnd = mapping.to ?? { label: 3 };
  const indexOf = (column: Column | undefined, role: string): number | undefined => {
    if (column === undefined) return undefined;
    if (typeof column === 'number') return column;
    const i = header.findIndex((h) => h.toLowerCase() === column.toLowerCase());
    if (i === -1) throw new InterchangeError(`The column "${column}" chosen for ${role} is not in the file’s header (${header.join(', ')})`);
    return i;
  };
  const cols = {
    fromLabel: indexOf(fromEnd.label, 'the first entity') as number,
    fromType: indexOf(fromEnd.type, 'the first entity’s type'),
    toLabel: indexOf(toEnd.label, 'the second entity') as number,
    toType: indexOf(toEnd.type, 'the second entity’s type'),
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

  const cell = (record: readonly string[], index: number | undefined) => (index === undefined ? '' : (record[index] ?? '').trim());
  const dateCells = body.flatMap((row) => [cols.startDate, cols.endDate].map((c) => ({ value: cell(row.cells, c), line: row.line })).filter((d) => d.value !== ''));
  const dates = resolveDateOrder(dateCells, context.mapping?.dateOrder);
  reading.dateOrder = dates.order;
  reading.dateOrderReason = dates.reason;
  if (dates.ambiguous > 0) graph.warnings.push(`Dates were left out: ${dates.reason}.`);

  const graded = new Set<Reliability>();
  const entityCitations = new Map<string, number>();
  const typeOf = (typeCell: string, fixedType: string | undefined) => (typeCell ? typeIdFrom(typeCell, ENTITY_TYPES) || 'other' : (fixedType ?? 'other'));
  const cite = (key: string, label: string, sourceKey: string, line: number, credibility: (typeof CREDIBILITY_GRADES)[number], reliability: Reliability) => {
    // An entity named on many rows gets one citation: from the row with its best grade.
    const known = entityCitations.get(key);
    const citation = known === undefined ? undefined : graph.citations[known];
    if (citation === undefined) {
      entityCitations.set(key, graph.citations.length);
      graph.citations.push({ sourceKey, target: { kind: 'entity', key }, quote: label, locator: `line ${line}`, credibility, comment: null });
    } else if (`${reliability}${credibility}` < `${citation.sourceKey.slice(-1)}${citation.credibility}`) {
      Object.assign(citation, { sourceKey, quote: label, locator: `line ${line}`, credibility });
    }
  };

  for (const row of body) {
    const { cells: record, line } = row;
    const fromLabel = cell(record, cols.fromLabel);
    const toLabel = cell(record, cols.toLabel);
    if (!fromLabel) {
      graph.skipped.push({ what: `line ${line}`, reason: 'it names no first entity' });
      sample({ line, cells: record }, 'not imported: it names no first entity');
      continue;
    }
    const fromType = typeOf(cell(record, cols.fromType), fromEnd.fixedType);
    const from = entities.ensure(fromLabel, fromType, line);

    const grade = cell(record, cols.grade).toUpperCase();
    const reliabilityCell = grade ? grade[0] : cell(record, cols.reliability).toUpperCase();
    const credibilityCell = grade ? grade.slice(1) : cell(record, cols.credibility);
    const reliability = RELIABILITY_GRADES.find((r) => r === reliabilityCell);
    const credibility = CREDIBILITY_GRADES.find((c) => String(c) === credibilityCell.trim());
    if ((grade || reliabilityCell || credibilityCell) && (reliability === undefined || credibility === undefined)) {
      graph.warnings.push(`Line ${line}: "${grade || `${reliabilityCell}${credibilityCell}`}" is not an Admiralty grade (A–F and 1–6); the row is ungraded.`);
    }
    const sourceKey = reliability !== undefined ? `graded:${reliability}` : '';

    if (!toLabel) {
      // A row that names one entity: its other columns describe that entity.
      let kept = 0;
      for (const i of attributeColumns) {
        const value = cell(record, i);
        if (value) {
          putAttribute(from.attributes, header[i] || `column ${i + 1}`, cellValue(row, i, value), graph.warnings);
          kept++;
        }
      }
      if (reliability !== undefined && credibility !== undefined) {
        graded.add(reliability);
        cite(from.key, fromLabel, sourceKey, line, credibility, reliability);
      }
      sample({ line, cells: record }, `entity ${fromLabel} (${fromType})${kept > 0 ? ` with ${kept} attribute${kept > 1 ? 's' : ''}` : ''}, no link`);
      continue;
    }
    const toType = typeOf(cell(record, cols.toType), toEnd.fixedType);
    const to = entities.ensure(toLabel, toType, line);

    const typeCell = cell(record, cols.linkType);
    const type = typeCell ? typeIdFrom(typeCell, LINK_TYPES) || 'related_to' : (mapping.link?.fixedType ?? 'related_to');
    const rawStart = cell(record, cols.startDate);
    const rawEnd = cell(record, cols.endDate);
    const startDate = dateFrom(rawStart, dates.order);
    const endDate = dateFrom(rawEnd, dates.order);
    for (const raw of [rawStart, rawEnd]) {
      if (raw && !dateFrom(raw, dates.order) && !(dates.ambiguous > 0 && SLASHED_DATE.test(raw))) graph.warnings.push(`Line ${line}: the date "${raw}" is not a date; it was left out.`);
    }
    const attributes: Attributes = {};
    for (const i of attributeColumns) {
      const value = cell(record, i);
      if (value) putAttribute(attributes, header[i] || `column ${i + 1}`, cellValue(row, i, value), graph.warnings);
    }
    const key = `line:${line}`;
    const directed = mapping.link?.directed ?? linkTypeDefinition(type).directed;
    graph.links.push({
      key,
      type,
      sourceKey: from.key,
      targetKey: to.key,
      directed,
      label: cell(record, cols.linkLabel) || null,
      description: cell(record, cols.linkDescription) || null,
      startDate,
      endDate,
      attributes,
      locator: `line ${line}`,
    });
    sample({ line, cells: record }, `${fromLabel} (${fromType}) ${directed ? '→' : '—'} ${typeCell || type}${startDate ? `, ${startDate}` : ''} ${directed ? '→' : '—'} ${toLabel} (${toType})`);

    if (reliability !== undefined && credibility !== undefined) {
      graded.add(reliability);
      graph.citations.push({ sourceKey, target: { kind: 'link', key }, quote: typeCell || type, locator: `line ${line}`, credibility, comment: null });
      cite(from.key, fromLabel, sourceKey, line, credibility, reliability);
      cite(to.key, toLabel, sourceKey, line, credibility, reliability);
    }
  }
  if (body.length > 0 && graph.links.length === 0 && graph.entities.length > 0) {
    graph.warnings.push(`No row names a second entity (column ${cols.toLabel + 1}), so no links are made: check the layout and the columns in the mapping.`);
  }
  const used = new Set(graph.citations.map((c) => c.sourceKey));
  for (const reliability of graded) {
    if (!used.has(`graded:${reliability}`) || graph.sources.some((s) => s.key === `graded:${reliability}`)) continue;
    graph.sources.push({ key: `graded:${reliability}`, title: `${context.fileName} (rows graded ${reliability})`, author: null, publisher: null, publishedDate: null, reference: null, reliability, body: null, ofFile: true });
  }
}

/** Splits CSV text into rows; a malformed file is refused with its line. */
export function csvRows(text: string, delimiter: string, limits: ParseLimits): TableRow[] {
  try {
    const records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: limits.maxValueLength,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    const e = error as Error & { lines?: number; column?: number };
    const message = e.message.replace(/^Invalid Record Length:/, 'a row has the wrong number of fields:');
    throw new InterchangeError(`This CSV file is malformed: ${message}`, e.lines !== undefined ? { line: e.lines, column: typeof e.column === 'number' ? e.column + 1 : 1 } : undefined);
  }
}

/**
 * Reads CSV text: i2-style rows (entity, type, link, entity, type, date, grade, with a column
 * mapping), a headerless edge list, or an adjacency matrix, as the mapping says or the rows show.
 * In rows, a grade such as "B2" grades the row: the file becomes one source per reliability letter,
 * and the row's credibility goes on its citations; columns the mapping does not name are kept as
 * attributes of the link, or of the entity when the row names only one.
 */
export function decodeCsv(text: string, fileName: string, limits: ParseLimits, mapping?: CsvMapping, decoded?: Omit<DecodedTable, 'text'>): InterchangeGraph {
  const delimiter = mapping?.delimiter ?? (fileName.toLowerCase().endsWith('.tsv') ? '\t' : guessDelimiter(text));
  const rows = csvRows(text, delimiter, limits);
  return decodeTable(rows, { fileName, format: 'csv', limits, ...(mapping ? { mapping } : {}), ...(decoded ? { decoded } : {}), delimiter });
}

function guessDelimiter(text: string): string {
  const start = stripBom(text);
  const line = start.slice(0, start.indexOf('\n') === -1 ? start.length : start.indexOf('\n'));
  const counts = [',', ';', '\t', '|'].map((d) => [d, line.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

// ---------------------------------------------------------------------------------------------
// Export

// The guard lives with the clipboard's TSV too (renderer/views/table): one rule for both.
export { neutraliseCell };

function csvRow(cells: readonly (string | number | boolean | null)[]): string {
  return cells
    .map((cell) => {
      const text = neutraliseCell(cell === null ? '' : String(cell));
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

/** An attribute's own value: never one inherited from Object.prototype (a key "constructor" is data, not a function). */
export function ownAttribute(attributes: Attributes, key: string): string | number | boolean | null {
  return Object.hasOwn(attributes, key) ? (attributes[key] ?? null) : null;
}

/** One cell per value, as the entity and link tables of an export lay them out (CSV and spreadsheet). */
export interface CaseTables {
  entities: (string | number | boolean | null)[][];
  links: (string | number | boolean | null)[][];
}

/**
 * The case as two tables. Links read back with the default i2-style mapping: their first columns
 * are entity, type, link, entity, type, date, grade (the link's best Admiralty grade).
 */
export function caseTables(doc: CaseDocument): CaseTables {
  const entityAttributes = [...new Set(doc.entities.flatMap((e) => Object.keys(e.attributes)))];
  const linkAttributes = [...new Set(doc.links.flatMap((l) => Object.keys(l.attributes)))];
  const entities = [
    ['Id', 'Type', 'Label', 'Aliases', 'Description', 'Start date', 'End date', ...entityAttributes],
    ...doc.entities.map((e) => [e.id, e.type, e.label, e.aliases.join('; '), e.description, e.startDate, e.endDate, ...entityAttributes.map((k) => ownAttribute(e.attributes, k))]),
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
    ['Entity', 'Type', 'Link', 'Entity', 'Type', 'Date', 'Grade', 'End date', 'Label', 'Description', 'Directed', 'Link id', 'Source id', 'Target id', ...linkAttributes],
    ...doc.links.map((l) => [
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
      ...linkAttributes.map((k) => ownAttribute(l.attributes, k)),
    ]),
  ];
  return { entities, links };
}

/** The case as two CSV tables; with `bom`, each starts with a UTF-8 byte order mark so Excel reads it as UTF-8. */
export function encodeCsv(doc: CaseDocument, options: { bom?: boolean } = {}): { entities: string; links: string } {
  const tables = caseTables(doc);
  const bom = options.bom ? '\uFEFF' : '';
  const text = (rows: CaseTables['entities']) => `${bom}${rows.map(csvRow).join('\r\n')}\r\n`;
  return { entities: text(tables.entities), links: text(tables.links) };
}
