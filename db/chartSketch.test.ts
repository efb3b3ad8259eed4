import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseFile, type CaseStore } from './caseFile';
import { loadChartView, putOnChart } from './chartMembership';
import { defaultChart, saveChartPositions, saveChartViewport } from './charts';
import { chartSketch } from './chartSketch';
import { insertEntity } from './entities';
import { insertLink } from './links';
import { createRandom } from './testing/random';
import { tempFolder } from './testing/tempCase';

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
let chartId: string;
beforeEach(() => {
  tmp = tempFolder();
  store = createCaseFile(tmp.file('s.awcase'), { name: 'Sketch' });
  chartId = defaultChart(store.db).id;
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

/** A random chart: some entities on it (placed or not), some off it, links among all of them. */
function randomChart(seed: number, placeAll: boolean): void {
  const random = createRandom(seed);
  const types = ['person', 'armed_group', 'organisation', 'location'];
  const ids = Array.from({ length: 60 }, (_, i) =>
    insertEntity(store.db, { type: types[random.int(types.length)]!, label: `E${i}`, color: random.next() < 0.2 ? '#ff8800' : null }).id,
  );
  const on = ids.filter(() => random.next() < 0.7);
  putOnChart(store.db, chartId, on);
  saveChartPositions(
    store.db,
    chartId,
    on.filter(() => placeAll || random.next() < 0.9).map((entityId) => ({ entityId, x: random.next() * 1000, y: random.next() * 1000 })),
  );
  for (let k = 0; k < 150; k++) {
    const sourceId = ids[random.int(ids.length)]!;
    const targetId = ids[random.int(ids.length)]!;
    insertLink(store.db, { type: 'associate_of', sourceId, targetId, directed: false });
  }
}

describe('chartSketch', () => {
  it('draws what chart.load holds: every entity on the chart at its place, with its type, colour and label, and every link on it by its ends', () => {
    for (const seed of [1, 2, 3]) {
      store.db.exec('DELETE FROM links; DELETE FROM chart_nodes; DELETE FROM entities;');
      randomChart(seed, true);
      saveChartViewport(store.db, chartId, { zoom: 0.5, panX: 10, panY: -20 });
      const view = loadChartView(store.db, chartId);
      const sketch = chartSketch(store.db, chartId)!;
      expect(sketch.chartId).toBe(chartId);
      expect(sketch.viewport).toEqual(view.viewport);
      const at = new Map(view.positions.map((p) => [p.entityId, p]));
      const drawn = (i: number) => `${sketch.label[i]} ${sketch.types[sketch.type[i]!]} ${sketch.color[i]} ${sketch.x[i]} ${sketch.y[i]}`;
      const expected = (id: string) => {
        const e = view.entities.find((entity) => entity.id === id)!;
        return `${e.label} ${e.type} ${e.color} ${at.get(id)!.x} ${at.get(id)!.y}`;
      };
      expect(sketch.x.map((_, i) => drawn(i)).sort()).toEqual(view.entities.map((e) => expected(e.id)).sort());
      const pairs: string[] = [];
      for (let k = 0; k < sketch.links.length; k += 2) pairs.push(`${sketch.label[sketch.links[k]!]}>${sketch.label[sketch.links[k + 1]!]}`);
      const label = new Map(view.entities.map((e) => [e.id, e.label]));
      expect(pairs.sort()).toEqual(view.links.map((l) => `${label.get(l.sourceId)}>${label.get(l.targetId)}`).sort());
      expect(view.links.length).toBeGreaterThan(20);
    }
  });

  it('is null while an entity on the chart has no place (the chart is laid out first), and empty for an empty chart', () => {
    expect(chartSketch(store.db, chartId)).toMatchObject({ x: [], links: [] });
    randomChart(4, false);
    expect(chartSketch(store.db, chartId)).toBeNull();
  });
});
