/**
 * The table view's model: the case's entities and links as rows of cells, the columns they have
 * (fixed ones, then one per attribute key present), and the sorting, filtering, range selection
 * and TSV copy the view applies to them. Pure: the view keeps its results in memos, so 20,000
 * rows are sorted and filtered once per change of the chart, the sort or a filter, never per row.
 */
import type { ChartData } from '../contract';
import { comparePartialDates, type AttributeValue, type Attributes } from '../domain';
import { entityTypeDefinition } from '../entityTypes';
import { linkTypeDefinition } from '../linkTypes';
import { neutraliseCell } from '../spreadsheetCell';

export type TableTab = 'entities' | 'links';

/** How a column filters and sorts: text contains; a numeric range; a set of values; a date range. */
export type ColumnKind = 'text' | 'number' | 'set' | 'date';

export type CellValue = string | number | null;

/** The field a cell edits in place (null: the cell is computed, such as a degree, and not editable). */
export type CellField = 'label' | 'startDate' | 'endDate' | { attribute: string };

export interface TableColumn {
  id: string;
  label: string;
  kind: ColumnKind;
  /** Pixels. */
  width: number;
  edit: CellField | null;
}

export interface TableRow {
  kind: 'entity' | 'link';
  id: string;
  /** One value per column, in the columns' order; null is an empty cell. */
  cells: readonly CellValue[];
}

export interface TableData {
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
}

/** Attribute columns' ids start with this, so an attribute called "label" is not the label column. */
const ATTRIBUTE_PREFIX = 'attr:';

const column = (id: string, label: string, kind: ColumnKind, width: number, edit: CellField | null = null): TableColumn => ({ id, label, kind, width, edit });

/** An attribute's value as a cell: yes/no for booleans, numbers kept as numbers. */
export function attributeCell(value: AttributeValue | undefined): CellValue {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

/** One column per attribute key the items have, in alphabetical order; numeric when every value is a number. */
function attributeColumns(items: readonly { attributes: Attributes }[]): TableColumn[] {
  const numeric = new Map<string, boolean>();
  for (const item of items) {
    for (const [key, value] of Object.entries(item.attributes)) numeric.set(key, (numeric.get(key) ?? true) && typeof value === 'number');
  }
  return [...numeric.keys()]
    .sort(collator.compare)
    .map((key) => column(`${ATTRIBUTE_PREFIX}${key}`, key, numeric.get(key) ? 'number' : 'text', 130, { attribute: key }));
}

function attributeCells(attributes: Attributes, columns: readonly TableColumn[]): CellValue[] {
  return columns.map((c) => {
    const key = c.id.slice(ATTRIBUTE_PREFIX.length);
    return Object.hasOwn(attributes, key) ? attributeCell(attributes[key]) : null;
  });
}

/** How many links on the chart end at each entity (a link between two entities counts once for each). */
export function degrees(chart: Pick<ChartData, 'links'>): Map<string, number> {
  const degree = new Map<string, number>();
  for (const link of chart.links) {
    degree.set(link.sourceId, (degree.get(link.sourceId) ?? 0) + 1);
    degree.set(link.targetId, (degree.get(link.targetId) ?? 0) + 1);
  }
  return degree;
}

/** The Entities tab: label, type, best grade, dates, degree, citations, notes, then attributes. */
export function entityTable(chart: ChartData): TableData {
  const attributes = attributeColumns(chart.entities);
  const columns = [
    column('label', 'Label', 'text', 220, 'label'),
    column('type', 'Type', 'set', 150),
    column('grade', 'Grade', 'set', 70),
    column('start', 'Start', 'date', 100, 'startDate'),
    column('end', 'End', 'date', 100, 'endDate'),
    column('degree', 'Degree', 'number', 76),
    column('citations', 'Citations', 'number', 84),
    column('notes', 'Notes', 'number', 70),
    ...attributes,
  ];
  const degree = degrees(chart);
  const rows = chart.entities.map(
    (e): TableRow => ({
      kind: 'entity',
      id: e.id,
      cells: [
        e.label,
        entityTypeDefinition(e.type).id === e.type ? entityTypeDefinition(e.type).label : e.type,
        chart.evidence[e.id]?.bestGrade ?? null,
        e.startDate,
        e.endDate,
        degree.get(e.id) ?? 0,
        chart.evidence[e.id]?.citations ?? 0,
        chart.noteCounts[e.id] ?? 0,
        ...attributeCells(e.attributes, attributes),
      ],
    }),
  );
  return { columns, rows };
}

/** The Links tab: from, to, type, label, best grade, dates, citations, notes, then attributes. */
export function linkTable(chart: ChartData): TableData {
  const attributes = attributeColumns(chart.links);
  const columns = [
    column('from', 'From', 'text', 190),
    column('to', 'To', 'text', 190),
    column('type', 'Type', 'set', 150),
    column('label', 'Label', 'text', 190, 'label'),
    column('grade', 'Grade', 'set', 70),
    column('start', 'Start', 'date', 100, 'startDate'),
    column('end', 'End', 'date', 100, 'endDate'),
    column('citations', 'Citations', 'number', 84),
    column('notes', 'Notes', 'number', 70),
    ...attributes,
  ];
  const labels = new Map(chart.entities.map((e) => [e.id, e.label]));
  const rows = chart.links.map(
    (l): TableRow => ({
      kind: 'link',
      id: l.id,
      cells: [
        labels.get(l.sourceId) ?? l.sourceId,
        labels.get(l.targetId) ?? l.targetId,
        linkTypeDefinition(l.type).id === l.type ? linkTypeDefinition(l.type).label : l.type,
        l.label,
        chart.evidence[l.id]?.bestGrade ?? null,
        l.startDate,
        l.endDate,
        chart.evidence[l.id]?.citations ?? 0,
        chart.noteCounts[l.id] ?? 0,
        ...attributeCells(l.attributes, attributes),
      ],
    }),
  );
  return { columns, rows };
}

export function cellText(value: CellValue): string {
  return value === null ? '' : String(value);
}

// ---------------------------------------------------------------------------------------------
// Filtering

export type ColumnFilter =
  | { kind: 'text'; contains: string }
  | { kind: 'number'; min: number | null; max: number | null }
  /** Rows whose cell is one of `values` ('' is the empty cell); an empty set filters nothing out. */
  | { kind: 'set'; values: readonly string[] }
  /** Rows whose date falls in the range at the precision both have ("2017" is in 2017-03 to 2018). */
  | { kind: 'date'; from: string | null; to: string | null };

/** The filters in force, by column id. */
export type TableFilters = Readonly<Record<string, ColumnFilter>>;

export function isActiveFilter(filter: ColumnFilter | undefined): boolean {
  if (!filter) return false;
  switch (filter.kind) {
    case 'text':
      return filter.contains.trim() !== '';
    case 'number':
      return filter.min !== null || filter.max !== null;
    case 'set':
      return filter.values.length > 0;
    case 'date':
      return filter.from !== null || filter.to !== null;
  }
}

function predicate(filter: ColumnFilter): (value: CellValue) => boolean {
  switch (filter.kind) {
    case 'text': {
      const needle = filter.contains.trim().toLocaleLowerCase();
      return (value) => value !== null && String(value).toLocaleLowerCase().includes(needle);
    }
    case 'number': {
      const { min, max } = filter;
      return (value) => typeof value === 'number' && (min === null || value >= min) && (max === null || value <= max);
    }
    case 'set': {
      const chosen = new Set(filter.values);
      return (value) => chosen.has(cellText(value));
    }
    case 'date': {
      const { from, to } = filter;
      return (value) =>
        typeof value === 'string' && (from === null || comparePartialDates(value, from) >= 0) && (to === null || comparePartialDates(value, to) <= 0);
    }
  }
}

/** The rows every active filter keeps (a filter on a column the table does not have is ignored). */
export function filterRows(data: TableData, filters: TableFilters): readonly TableRow[] {
  const tests: { index: number; test: (value: CellValue) => boolean }[] = [];
  data.columns.forEach((c, index) => {
    const filter = filters[c.id];
    if (filter && isActiveFilter(filter)) tests.push({ index, test: predicate(filter) });
  });
  if (tests.length === 0) return data.rows;
  return data.rows.filter((row) => tests.every(({ index, test }) => test(row.cells[index] ?? null)));
}

/** The values a set filter offers for a column: each distinct cell text, most frequent first. */
export function distinctValues(data: TableData, columnId: string): { value: string; count: number }[] {
  const index = data.columns.findIndex((c) => c.id === columnId);
  if (index === -1) return [];
  const counts = new Map<string, number>();
  for (const row of data.rows) {
    const text = cellText(row.cells[index] ?? null);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
}

/**
 * A bound typed in a numeric filter: blank is no bound; otherwise a number, or a sentence saying
 * what is wrong (shown under the field, the filter left as it was).
 */
export function parseBound(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `“${trimmed.slice(0, 20)}” is not a number.` };
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------
// Sorting

export interface TableSort {
  columnId: string;
  descending: boolean;
}

/** Clicking a header: the same column again reverses it; a new column starts high-first for numbers, A–Z otherwise. */
export function nextSort(current: TableSort | null, target: TableColumn): TableSort {
  if (current && current.columnId === target.id) return { columnId: target.id, descending: !current.descending };
  return { columnId: target.id, descending: target.kind === 'number' };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The rows in the column's order; empty cells last whichever way, ties kept in the order given
 * (Array.prototype.sort is stable), so a second sort refines the first.
 */
export function sortRows(data: TableData, rows: readonly TableRow[], sort: TableSort | null): readonly TableRow[] {
  if (!sort) return rows;
  const index = data.columns.findIndex((c) => c.id === sort.columnId);
  const target = data.columns[index];
  if (!target) return rows;
  const sign = sort.descending ? -1 : 1;
  const compareValues =
    target.kind === 'text'
      ? (a: CellValue, b: CellValue) => collator.compare(String(a), String(b))
      : (a: CellValue, b: CellValue) =>
          typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  return [...rows].sort((x, y) => {
    const a = x.cells[index] ?? null;
    const b = y.cells[index] ?? null;
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return sign * compareValues(a, b);
  });
}

// ---------------------------------------------------------------------------------------------
// Selection and copy

/** The ids from the anchor to the target in the table's order (Shift-click); the target alone without an anchor in view. */
export function rangeBetween(order: readonly string[], anchor: string | null, target: string): string[] {
  const to = order.indexOf(target);
  if (to === -1) return [];
  const from = anchor === null ? -1 : order.indexOf(anchor);
  if (from === -1) return [target];
  return order.slice(Math.min(from, to), Math.max(from, to) + 1);
}

/**
 * One TSV field as spreadsheets read a paste: text a spreadsheet would run as a formula gets a
 * leading apostrophe (as the CSV export does), and a value holding a tab, a line break or a
 * double quote is quoted with its quotes doubled, so it stays one cell.
 */
export function tsvField(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutraliseCell(value);
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as TSV: the columns' labels first, then one line per row, in the order given. */
export function toTsv(columns: readonly TableColumn[], rows: readonly TableRow[], data: TableData): string {
  const indexes = columns.map((c) => data.columns.indexOf(c));
  const lines = [columns.map((c) => tsvField(c.label)).join('\t')];
  for (const row of rows) lines.push(indexes.map((i) => tsvField(i === -1 ? null : (row.cells[i] ?? null))).join('\t'));
  return `${lines.join('\n')}\n`;
}
