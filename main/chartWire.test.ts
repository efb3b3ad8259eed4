import { afterEach, describe, expect, it } from 'vitest';
import { isPackedChartData, packChartData, toWire, unpackChartData } from '../app/chartWire';
import type { ChartData } from '../app/contract';
import { createCaseFile } from '../db/caseFile';
import { putOnChart } from '../db/chartMembership';
import { defaultChart } from '../db/charts';
import { insertEntity } from '../db/entities';
import { insertLink } from '../db/links';
import { createSampleCase } from '../db/samples';
import { createRandom } from '../db/testing/random';
import { handlerHarness } from './testing/handlerHarness';

let harness: ReturnType<typeof handlerHarness> | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

/** chart.load of a case file through the real handlers. */
async function loadChart(write: (path: string) => void): Promise<ChartData> {
  harness = handlerHarness();
  const path = harness.tmp.file('case.awcase');
  write(path);
  expect((await harness.openCase(path)).ok).toBe(true);
  const loaded = await harness.call('chart.load');
  expect(loaded.ok).toBe(true);
  return loaded.value as ChartData;
}

/** A case of n entities on the chart, each linked to one or two earlier ones. */
function writeLargeCase(path: string, n: number): void {
  const store = createCaseFile(path, { name: 'large' });
  const random = createRandom(5);
  try {
    const ids: string[] = [];
    store.db.transaction(() => {
      for (let i = 0; i < n; i++) {
        ids.push(insertEntity(store.db, { type: i % 3 === 0 ? 'organization' : 'person', label: `Entity ${i}` }).id);
        for (let k = 0; k < Math.min(i, 1 + (i % 2)); k++) insertLink(store.db, { type: 'associated_with', sourceId: ids[i]!, targetId: ids[random.int(i)]!, directed: false });
      }
    })();
    putOnChart(store.db, defaultChart(store.db).id, ids);
  } finally {
    store.close();
  }
}

/** As the e2e harness and the render bench send it: the reply as JSON text. */
const throughJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('chart.load on the wire, from the real handlers', () => {
  it('gives back the JNIM chart exactly, through JSON as the e2e harness sends it', async () => {
    const chart = await loadChart((path) => createSampleCase(path, 'jnim'));
    expect(chart.entities.length).toBeGreaterThan(50);
    const packed = toWire('chart.load', { ok: true, value: chart });
    expect(isPackedChartData((packed as { value: unknown }).value)).toBe(true);
    expect(unpackChartData(throughJson(packed as { value: ReturnType<typeof packChartData> }).value)).toEqual(chart);
  });

  it('packs a 5,000-node chart into under a quarter of the JSON, and every row gets its own objects', async () => {
    const chart = await loadChart((path) => writeLargeCase(path, 5000));
    expect(chart.entities).toHaveLength(5000);
    const plain = JSON.stringify(chart).length;
    const packed = JSON.stringify(packChartData(chart)).length;
    expect(packed).toBeLessThan(plain / 4);
    const back = unpackChartData(throughJson(packChartData(chart)));
    expect(back).toEqual(chart);
    back.entities[0]!.attributes.touched = 'yes';
    expect(back.entities[1]!.attributes).toEqual({});
  });

});
