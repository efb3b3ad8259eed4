import { describe, expect, it } from 'vitest';
import { communityColour, COMMUNITY_OTHER, formatValue, groupEdges, MEASURE_SIZE, measureSize, valueRange } from './overlayModel';

describe('the analysis overlay model', () => {
  it('sizes nodes by value, area in proportion, within the size range', () => {
    const range = valueRange([0, 0.25, 1])!;
    expect(measureSize(0, range)).toBe(MEASURE_SIZE.min);
    expect(measureSize(1, range)).toBe(MEASURE_SIZE.max);
    expect(measureSize(0.25, range)).toBeCloseTo((MEASURE_SIZE.min + MEASURE_SIZE.max) / 2);
    expect(measureSize(5, { min: 5, max: 5 })).toBe((MEASURE_SIZE.min + MEASURE_SIZE.max) / 2);
    expect(valueRange([])).toBeNull();
  });

  it('prints values briefly', () => {
    expect(formatValue(0.736123)).toBe('0.7361');
    expect(formatValue(52)).toBe('52');
    expect(formatValue(0.5)).toBe('0.5');
    expect(formatValue(0.00001234)).toBe('1.234e-5');
  });

  it('colours communities past the palette grey', () => {
    expect(communityColour(0)).not.toBe(COMMUNITY_OTHER);
    expect(communityColour(40)).toBe(COMMUNITY_OTHER);
  });

  it('redraws the links of a collapsed community once per outside neighbour', () => {
    const groupOf = new Map([
      ['a', 'g0'],
      ['b', 'g0'],
    ]);
    const edges = groupEdges(
      [
        { source: 'a', target: 'b' },
        { source: 'a', target: 'c' },
        { source: 'b', target: 'c' },
        { source: 'c', target: 'd' },
      ],
      groupOf,
    );
    expect(edges).toEqual([{ id: 'aw-group-edge:c:g0', source: 'c', target: 'g0', links: 2 }]);
  });
});
