import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromWire, packChartData, toWire, unpackChartData } from './chartWire';
import type { ChartData } from './contract';

/** As the e2e harness and the render bench send it: the reply as JSON text. */
const throughJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the packed chart (chart.load on the wire)', () => {
  it('leaves other channels, failures and unpacked replies as they are', () => {
    const failure = { ok: false as const, error: { code: 'no_case' as const, message: 'No case is open.' } };
    expect(toWire('chart.load', failure)).toBe(failure);
    const other = { ok: true as const, value: { entities: [] } };
    expect(toWire('case.info', other)).toBe(other);
    expect(fromWire('case.info', other)).toBe(other);
    expect(fromWire('chart.load', other)).toBe(other);
  });

  it('gives back any chart exactly (random records, optional keys, shared and distinct values)', () => {
    const id = fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `id-${i}`));
    const value = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.constant({}), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())), fc.array(fc.string()));
    const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'id', 'sourceId', 'targetId', 'entityId'), value);
    const chart = fc.record({
      chartId: fc.string(),
      entities: fc.uniqueArray(fc.record({ id }), { selector: (e) => e.id }).chain((ids) => fc.tuple(...ids.map((e) => record.map((r) => ({ ...r, id: e.id }))))),
      linkIds: fc.uniqueArray(fc.string(), { maxLength: 30 }),
      linkRows: fc.array(record, { maxLength: 30 }),
      evidence: fc.dictionary(fc.oneof(id, fc.string()), fc.record({ citations: fc.nat(), bestGrade: fc.constantFrom(null, 'A1', 'B2', 'F6') })),
      positions: fc.array(fc.record({ entityId: fc.oneof(id, fc.string()), x: fc.integer(), y: fc.integer() }), { maxLength: 30 }),
      strengths: fc.dictionary(fc.string(), fc.constantFrom('solid', 'dashed', 'dotted')),
      noteCounts: fc.dictionary(id, fc.nat()),
      version: fc.nat(),
    });
    fc.assert(
      fc.property(chart, (c) => {
        const entityIds = c.entities.map((e) => e.id);
        // Links whose ends are entities, as chart.load gives them (and a few that are not).
        const links = c.linkIds.map((linkId, i) => ({
          ...(c.linkRows[i] ?? {}),
          id: linkId,
          sourceId: entityIds[i % Math.max(1, entityIds.length)] ?? 'elsewhere',
          targetId: i % 7 === 3 ? 'not-on-the-chart' : (entityIds[(i * 3) % Math.max(1, entityIds.length)] ?? 'elsewhere'),
        }));
        const strengths = Object.fromEntries([...links.slice(0, 10).map((l, i) => [l.id, (['solid', 'dashed', 'dotted'] as const)[i % 3]] as const), ...Object.entries(c.strengths)]);
        const data = {
          chartId: c.chartId,
          entities: c.entities,
          links,
          evidence: c.evidence,
          positions: c.positions,
          viewport: null,
          linkStrengths: strengths,
          noteCounts: c.noteCounts,
          annotations: [],
          version: c.version,
        } as unknown as ChartData;
        expect(unpackChartData(throughJson(packChartData(data)))).toEqual(throughJson(data));
      }),
      { numRuns: 300 },
    );
  });
});
