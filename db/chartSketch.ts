import type { ChartSketch } from '../app/contract';
import { LINKS_ON_CHART } from './chartMembership';
import { getChart } from './charts';
import { prepared, type Db } from './types';

/**
 * The chart's sketch (app/contract.ts ChartSketch): its entities' places, types, own colours and
 * labels, and its links as index pairs; null when an entity on it has no place yet (such a chart
 * is laid out first, from chart.load's data). Two queries of a few columns each, no row objects:
 * at 20,000 entities and 50,000 links a fraction of chart.load's time (npm run bench, render).
 */
export function chartSketch(db: Db, chartId: string): ChartSketch | null {
  const chart = getChart(db, chartId);
  if (!chart) throw new Error(`No chart ${chartId}`);
  const nodes = prepared(
    db,
    `SELECT n.entity_id, n.x, n.y, e.type, e.label, e.color FROM chart_nodes AS n CROSS JOIN entities AS e ON e.id = n.entity_id WHERE n.chart_id = ?`,
  )
    .raw()
    .all(chartId) as [string, number | null, number | null, string, string, string | null][];
  const count = nodes.length;
  const x: number[] = new Array<number>(count);
  const y: number[] = new Array<number>(count);
  const type: number[] = new Array<number>(count);
  const color: (string | null)[] = new Array<string | null>(count);
  const label: string[] = new Array<string>(count);
  const types: string[] = [];
  const typeIndex = new Map<string, number>();
  const index = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const [id, px, py, t, l, c] = nodes[i]!;
    if (px === null || py === null) return null;
    index.set(id, i);
    x[i] = px;
    y[i] = py;
    let k = typeIndex.get(t);
    if (k === undefined) {
      k = types.length;
      typeIndex.set(t, k);
      types.push(t);
    }
    type[i] = k;
    color[i] = c;
    label[i] = l;
  }
  const ends = prepared(db, `SELECT l.source_id, l.target_id ${LINKS_ON_CHART}`)
    .raw()
    .all({ a: chartId }) as [string, string][];
  const links: number[] = new Array<number>(ends.length * 2);
  for (let k = 0; k < ends.length; k++) {
    const [source, target] = ends[k]!;
    links[2 * k] = index.get(source)!;
    links[2 * k + 1] = index.get(target)!;
  }
  return { chartId: chart.id, viewport: chart.viewport, x, y, type, types, color, label, links };
}
