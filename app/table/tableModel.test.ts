import { describe, expect, it } from 'vitest';
import type { ChartData } from '../contract';
import type { Entity, Link } from '../domain';
import { jnimCase } from '../samples/jnim/jnimCase';
import {
  distinctValues,
  entityTable,
  filterRows,
  linkTable,
  nextSort,
  parseBound,
  rangeBetween,
  sortRows,
  toTsv,
  tsvField,
  type TableData,
  type TableRow,
} from './tableModel';
import { testEntity, testLink } from '../testing/rows';

const stamp = '2025-01-01T00:00:00.000Z';
const entity = (id: string, label: string, more: Partial<Entity> = {}): Entity => testEntity({ id, label, createdAt: stamp, updatedAt: stamp, ...more });
const link = (id: string, sourceId: string, targetId: string, more: Partial<Link> = {}): Link =>
  testLink({ id, sourceId, targetId, type: 'member_of', directed: true, createdAt: stamp, updatedAt: stamp, ...more });
const chartOf = (entities: Entity[], links: Link[], more: Partial<ChartData> = {}): ChartData => ({
  chartId: 'c',
  entities,
  links,
  evidence: {},
  positions: [],
  viewport: null,
  linkStrengths: {},
  noteCounts: {},
  annotations: [],
  version: 0,
  ...more,
});

const small = chartOf(
  [
    entity('a', 'Amadou Koufa', { startDate: '2015', attributes: { age: 57, role: 'leader', alive: true } }),
    entity('b', 'iyad ag Ghaly', { type: 'armed_group', startDate: '2017-03-02', attributes: { age: 66 } }),
    entity('c', 'Ansar Dine', { type: 'armed_group', attributes: { role: 'faction', age: 'unknown' } }),
    entity('d', 'Bamako', { type: 'place' }),
  ],
  [link('ab', 'a', 'b', { label: 'deputy of', startDate: '2017' }), link('cb', 'c', 'b'), link('ac', 'a', 'c', { type: 'opposes' })],
  { evidence: { a: { citations: 3, bestGrade: 'B2' }, b: { citations: 1, bestGrade: 'C3' }, ab: { citations: 2, bestGrade: 'A1' } }, noteCounts: { c: 2 } },
);

const column = (data: TableData, id: string) => data.columns.findIndex((c) => c.id === id);
const labels = (data: TableData, rows: readonly TableRow[]) => rows.map((r) => r.cells[column(data, 'label')]);

describe('the entities and links as rows', () => {
  const data = entityTable(small);

  it('has a column per fixed field, then one per attribute key present, numeric only when every value is a number', () => {
    expect(data.columns.map((c) => c.id)).toEqual(['label', 'type', 'grade', 'start', 'end', 'degree', 'citations', 'notes', 'attr:age', 'attr:alive', 'attr:role']);
    expect(data.columns.find((c) => c.id === 'attr:age')?.kind).toBe('text'); // "unknown" is among its values
    expect(data.columns.find((c) => c.id === 'degree')?.kind).toBe('number');
    expect(data.columns.find((c) => c.id === 'degree')?.edit).toBeNull();
    expect(data.columns.find((c) => c.id === 'attr:role')?.edit).toEqual({ attribute: 'role' });
  });

  it('gives each entity its type label, best grade, dates, degree on the chart, citations, notes and attributes', () => {
    const row = (id: string) => data.rows.find((r) => r.id === id)!.cells;
    expect(row('a')).toEqual(['Amadou Koufa', 'Person', 'B2', '2015', null, 2, 3, 0, 57, 'yes', 'leader']);
    expect(row('b')).toEqual(['iyad ag Ghaly', 'Armed group', 'C3', '2017-03-02', null, 2, 1, 0, 66, null, null]);
    expect(row('c')).toEqual(['Ansar Dine', 'Armed group', null, null, null, 2, 0, 2, 'unknown', null, 'faction']);
    expect(row('d')).toEqual(['Bamako', 'Place', null, null, null, 0, 0, 0, null, null, null]);
  });

  it('gives each link its ends by label, its type, label, grade and dates', () => {
    const links = linkTable(small);
    expect(links.columns.map((c) => c.id).slice(0, 9)).toEqual(['from', 'to', 'type', 'label', 'grade', 'start', 'end', 'citations', 'notes']);
    expect(links.rows.find((r) => r.id === 'ab')!.cells).toEqual(['Amadou Koufa', 'iyad ag Ghaly', 'member of', 'deputy of', 'A1', '2017', null, 2, 0]);
  });

  it('keeps an attribute named like a built-in field or an Object property as data', () => {
    const odd = entityTable(chartOf([entity('x', 'X', { attributes: { label: 'not the label', constructor: 'c' } })], []));
    expect(odd.columns.map((c) => c.id).slice(-2)).toEqual(['attr:constructor', 'attr:label']);
    expect(odd.rows[0]!.cells.slice(0, 1)).toEqual(['X']);
    expect(odd.rows[0]!.cells.slice(-2)).toEqual(['c', 'not the label']);
  });

  it('counts each JNIM entity’s links on the chart as its degree', () => {
    const table = entityTable(
      chartOf(
        jnimCase.entities.map((e) => entity(e.key, e.label, { type: e.type })),
        jnimCase.links.map((l) => link(l.key, l.source, l.target, { type: l.type })),
      ),
    );
    const degree = column(table, 'degree');
    for (const e of jnimCase.entities) {
      const expected = jnimCase.links.filter((l) => l.source === e.key).length + jnimCase.links.filter((l) => l.target === e.key).length;
      expect(table.rows.find((r) => r.id === e.key)!.cells[degree]).toBe(expected);
    }
    expect(table.rows.find((r) => r.id === 'jnim')!.cells[degree]).toBe(Math.max(...table.rows.map((r) => Number(r.cells[degree]))));
  });
});

describe('sorting', () => {
  const data = entityTable(small);

  it('sorts text without regard to case, numbers by value, and puts empty cells last either way', () => {
    expect(labels(data, sortRows(data, data.rows, { columnId: 'label', descending: false }))).toEqual(['Amadou Koufa', 'Ansar Dine', 'Bamako', 'iyad ag Ghaly']);
    expect(labels(data, sortRows(data, data.rows, { columnId: 'label', descending: true }))).toEqual(['iyad ag Ghaly', 'Bamako', 'Ansar Dine', 'Amadou Koufa']);
    expect(labels(data, sortRows(data, data.rows, { columnId: 'grade', descending: false }))).toEqual(['Amadou Koufa', 'iyad ag Ghaly', 'Ansar Dine', 'Bamako']);
    expect(labels(data, sortRows(data, data.rows, { columnId: 'grade', descending: true }))).toEqual(['iyad ag Ghaly', 'Amadou Koufa', 'Ansar Dine', 'Bamako']);
    expect(labels(data, sortRows(data, data.rows, { columnId: 'start', descending: false }))).toEqual(['Amadou Koufa', 'iyad ag Ghaly', 'Ansar Dine', 'Bamako']);
    expect(labels(data, sortRows(data, data.rows, { columnId: 'citations', descending: true }))).toEqual(['Amadou Koufa', 'iyad ag Ghaly', 'Ansar Dine', 'Bamako']);
  });

  it('keeps ties in the order they were in (a stable sort refines the previous one)', () => {
    const byLabel = sortRows(data, data.rows, { columnId: 'label', descending: true });
    expect(labels(data, sortRows(data, byLabel, { columnId: 'degree', descending: true }))).toEqual(['iyad ag Ghaly', 'Ansar Dine', 'Amadou Koufa', 'Bamako']);
  });

  it('reverses on a second click; a new number column starts high-first, a text column A–Z', () => {
    const degree = data.columns.find((c) => c.id === 'degree')!;
    const label = data.columns.find((c) => c.id === 'label')!;
    expect(nextSort(null, degree)).toEqual({ columnId: 'degree', descending: true });
    expect(nextSort({ columnId: 'degree', descending: true }, degree)).toEqual({ columnId: 'degree', descending: false });
    expect(nextSort({ columnId: 'degree', descending: false }, label)).toEqual({ columnId: 'label', descending: false });
  });

  it('sorts 20,000 rows by a numeric column into non-increasing order', () => {
    const many = chartOf(
      Array.from({ length: 20_000 }, (_, i) => entity(`e${i}`, `Entity ${i}`, { attributes: { score: (i * 7919) % 1000 } })),
      [],
    );
    const table = entityTable(many);
    const score = column(table, 'attr:score');
    const sorted = sortRows(table, table.rows, { columnId: 'attr:score', descending: true });
    expect(sorted).toHaveLength(20_000);
    for (let i = 1; i < sorted.length; i += 1) expect(Number(sorted[i - 1]!.cells[score])).toBeGreaterThanOrEqual(Number(sorted[i]!.cells[score]));
  });
});

describe('filtering', () => {
  const data = entityTable(small);

  it('keeps rows whose text contains the words typed, ignoring case', () => {
    expect(labels(data, filterRows(data, { label: { kind: 'text', contains: 'AG gh' } }))).toEqual(['iyad ag Ghaly']);
    expect(labels(data, filterRows(data, { label: { kind: 'text', contains: '  ' } }))).toHaveLength(4);
  });

  it('keeps rows in a numeric range, bounds included, and leaves out empty cells', () => {
    expect(labels(data, filterRows(data, { degree: { kind: 'number', min: 1, max: null } }))).toEqual(['Amadou Koufa', 'iyad ag Ghaly', 'Ansar Dine']);
    expect(labels(data, filterRows(data, { citations: { kind: 'number', min: 1, max: 1 } }))).toEqual(['iyad ag Ghaly']);
  });

  it('keeps rows whose value is in a chosen set (a grade, a type, or the empty cell)', () => {
    expect(labels(data, filterRows(data, { grade: { kind: 'set', values: ['B2', ''] } }))).toEqual(['Amadou Koufa', 'Ansar Dine', 'Bamako']);
    expect(labels(data, filterRows(data, { type: { kind: 'set', values: ['Armed group'] } }))).toEqual(['iyad ag Ghaly', 'Ansar Dine']);
    expect(labels(data, filterRows(data, { type: { kind: 'set', values: [] } }))).toHaveLength(4);
  });

  it('keeps dates in a range at the precision both have, and combines filters', () => {
    expect(labels(data, filterRows(data, { start: { kind: 'date', from: '2017-01', to: null } }))).toEqual(['iyad ag Ghaly']);
    expect(labels(data, filterRows(data, { start: { kind: 'date', from: null, to: '2015-06' } }))).toEqual(['Amadou Koufa']);
    expect(labels(data, filterRows(data, { start: { kind: 'date', from: '2015', to: '2017' }, type: { kind: 'set', values: ['Person'] } }))).toEqual(['Amadou Koufa']);
  });

  it('offers each distinct value with its count, most frequent first', () => {
    expect(distinctValues(data, 'type')).toEqual([
      { value: 'Armed group', count: 2 },
      { value: 'Person', count: 1 },
      { value: 'Place', count: 1 },
    ]);
  });

  it('reads a numeric bound or says what is wrong with it', () => {
    expect(parseBound(' 3 ')).toEqual({ ok: true, value: 3 });
    expect(parseBound('')).toEqual({ ok: true, value: null });
    expect(parseBound('three')).toEqual({ ok: false, message: '“three” is not a number.' });
  });
});

describe('selection and copy', () => {
  it('selects from the anchor to the row Shift-clicked, either way up', () => {
    const order = ['a', 'b', 'c', 'd', 'e'];
    expect(rangeBetween(order, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(order, 'd', 'b')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(order, null, 'c')).toEqual(['c']);
    expect(rangeBetween(order, 'gone', 'c')).toEqual(['c']);
    expect(rangeBetween(order, 'a', 'gone')).toEqual([]);
  });

  it('writes TSV with the header first, and keeps tabs, line breaks, quotes and formulas inside one cell as text', () => {
    expect(tsvField('plain')).toBe('plain');
    expect(tsvField('a\tb')).toBe('"a\tb"');
    expect(tsvField('line one\nline two')).toBe('"line one\nline two"');
    expect(tsvField('the "Group"')).toBe('"the ""Group"""');
    expect(tsvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(tsvField(-2)).toBe('-2');
    expect(tsvField(null)).toBe('');
    const data = entityTable(small);
    const visible = data.columns.filter((c) => ['label', 'degree', 'attr:role'].includes(c.id));
    const rows = sortRows(data, data.rows, { columnId: 'label', descending: false }).slice(0, 2);
    expect(toTsv(visible, rows, data)).toBe('Label\tDegree\trole\nAmadou Koufa\t2\tleader\nAnsar Dine\t2\tfaction\n');
  });
});
