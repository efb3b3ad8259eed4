/**
 * The table part of `npm run bench` (BENCH_SECTIONS=table): what the table view's model costs on
 * a chart of 20,000 entities and 40,000 links, as ratios against the least code that gives the
 * same answer over the same arrays (no columns, no empty-cell rule, no formula guard), in the
 * same run. The view runs each of these once per change of the chart, a sort or a filter.
 */
import { performance } from 'node:perf_hooks';
import type { ChartData } from '../../app/contract';
import type { Entity, Link } from '../../app/domain';
import { ENTITY_TYPES } from '../../app/entityTypes';
import { seededRandom } from '../../app/analysis/random';
import { entityTable, filterRows, sortRows, toTsv } from '../../app/table/tableModel';

const ENTITIES = Number(process.env.BENCH_TABLE_ENTITIES ?? 20_000);
const LINKS = ENTITIES * 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function medianMs(fn: () => unknown): number {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
}

function syntheticChart(): ChartData {
  const random = seededRandom(7);
  const stamp = '2025-01-01T00:00:00.000Z';
  const entities: Entity[] = Array.from({ length: ENTITIES }, (_, i) => ({
    id: `e${i}`,
    type: ENTITY_TYPES[i % ENTITY_TYPES.length]!.id,
    label: `Person ${i} of katiba ${i % 97}`,
    aliases: [],
    description: null,
    startDate: i % 3 === 0 ? `${2000 + (i % 24)}-0${1 + (i % 9)}` : null,
    endDate: null,
    attributes: { rank: Math.floor(random() * 1000), region: `Region ${i % 13}` },
    color: null,
    location: null,
    createdAt: stamp,
    updatedAt: stamp,
  }));
  const links: Link[] = Array.from({ length: LINKS }, (_, i) => ({
    id: `l${i}`,
    type: 'related_to',
    sourceId: `e${Math.floor(random() * ENTITIES)}`,
    targetId: `e${Math.floor(random() * ENTITIES)}`,
    directed: false,
    label: null,
    description: null,
    startDate: null,
    endDate: null,
    attributes: {},
    strength: null,
    createdAt: stamp,
    updatedAt: stamp,
  }));
  const evidence = Object.fromEntries(entities.filter((_, i) => i % 2 === 0).map((e, i) => [e.id, { citations: 1 + (i % 4), bestGrade: `${'ABC'[i % 3]}${1 + (i % 6)}` }]));
  return { chartId: 'bench', entities, links, evidence, positions: [], viewport: null, linkStrengths: {}, noteCounts: {}, annotations: [], version: 0 };
}

export function benchTable(): void {
  const chart = syntheticChart();
  const rows: { task: string; oursMs: number; referenceMs: number }[] = [];
  const data = entityTable(chart);
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

  const degreesOf = () => {
    const degree = new Map<string, number>();
    for (const l of chart.links) {
      degree.set(l.sourceId, (degree.get(l.sourceId) ?? 0) + 1);
      degree.set(l.targetId, (degree.get(l.targetId) ?? 0) + 1);
    }
    return degree;
  };
  rows.push({
    task: `rows and columns of ${ENTITIES} entities, ${LINKS} links / label, type, degree arrays`,
    oursMs: medianMs(() => entityTable(chart)),
    referenceMs: medianMs(() => {
      const degree = degreesOf();
      return chart.entities.map((e) => [e.label, e.type, degree.get(e.id) ?? 0, e.attributes.rank, e.attributes.region]);
    }),
  });

  rows.push({
    task: `sort ${ENTITIES} rows by label / sort the entities by label`,
    oursMs: medianMs(() => sortRows(data, data.rows, { columnId: 'label', descending: false })),
    referenceMs: medianMs(() => [...chart.entities].sort((a, b) => collator.compare(a.label, b.label))),
  });

  const degree = degreesOf();
  const byDegree = chart.entities.map((e) => ({ e, d: degree.get(e.id) ?? 0 }));
  rows.push({
    task: `sort ${ENTITIES} rows by degree, high first / sort degree pairs`,
    oursMs: medianMs(() => sortRows(data, data.rows, { columnId: 'degree', descending: true })),
    referenceMs: medianMs(() => [...byDegree].sort((a, b) => b.d - a.d)),
  });

  rows.push({
    task: `filter ${ENTITIES} rows: label contains, date range / Array.filter`,
    oursMs: medianMs(() => filterRows(data, { label: { kind: 'text', contains: 'katiba 1' }, start: { kind: 'date', from: '2010', to: '2015-06' } })),
    referenceMs: medianMs(() =>
      chart.entities.filter(
        (e) => e.label.toLowerCase().includes('katiba 1') && e.startDate !== null && e.startDate.slice(0, 4) >= '2010' && e.startDate.slice(0, 7) <= '2015-06',
      ),
    ),
  });

  rows.push({
    task: `TSV of ${ENTITIES} rows, every column / cells joined with tabs`,
    oursMs: medianMs(() => toTsv(data.columns, data.rows, data)),
    referenceMs: medianMs(() => data.rows.map((r) => r.cells.map((c) => (c === null ? '' : String(c))).join('\t')).join('\n')),
  });

  console.log(`\nTable view model (ratio = ours / reference, same run, median of ${ROUNDS})\n`);
  console.log(`${'task'.padEnd(84)} ${'ours ms'.padStart(10)} ${'ref ms'.padStart(10)} ${'ratio'.padStart(7)}`);
  for (const row of rows) {
    console.log(`${row.task.padEnd(84)} ${row.oursMs.toFixed(1).padStart(10)} ${row.referenceMs.toFixed(1).padStart(10)} ${(row.oursMs / row.referenceMs).toFixed(2).padStart(7)}`);
  }
}
