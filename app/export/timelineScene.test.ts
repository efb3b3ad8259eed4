import { describe, expect, it } from 'vitest';
import { inkOn } from './pageLayout';
import { approximateMeasurer } from './text';
import { buildTimelineScene, type TimelineExport } from './timelineScene';

const timeline: TimelineExport = {
  plotLeft: 170,
  plotRight: 770,
  lanes: [
    { label: 'Armed groups', top: 0, height: 32 },
    { label: 'Links: opposes', top: 32, height: 32 },
  ],
  ticks: [
    { x: 100, label: '2010' },
    { x: 300, label: '2016' },
    { x: 500, label: '2018' },
  ],
  bars: [
    { kind: 'entity', id: 'jnim', label: 'JNIM', x0: 400, x1: 402, y: 6, colour: '#c0392b', band: false, openStart: false, openEnd: true, entityType: 'armed_group' },
    { kind: 'link', id: 'g5', label: 'G-5 opposes JNIM', x0: 300, x1: 360, y: 38, colour: '#c0392b', band: true, openStart: false, openEnd: false, tone: 'hostile' },
    { kind: 'link', id: 'gone', label: 'Off the plot', x0: 900, x1: 950, y: 38, colour: '#5d6873', band: true, openStart: false, openEnd: false, tone: 'affiliation' },
  ],
  barHeight: 14,
};

describe('the timeline as an export scene', () => {
  const scene = buildTimelineScene(timeline, approximateMeasurer());
  const texts = scene.items.flatMap((i) => (i.kind === 'text' ? i.lines.map((l) => l.text) : []));

  it('draws the lane labels, the ticks inside the plot, and the bars in view with their labels', () => {
    expect(texts).toEqual(expect.arrayContaining(['Armed groups', 'Links: opposes', '2016', '2018', 'JNIM', 'G-5 opposes JNIM']));
    expect(texts).not.toContain('2010');
    expect(texts).not.toContain('Off the plot');
    expect(scene.entityIds).toEqual(['jnim']);
    expect(scene.linkIds).toEqual(['g5', 'gone']);
  });

  it('draws a band light and a day solid, and an open end as a dashed line to the plot’s right edge', () => {
    const rects = scene.items.filter((i) => i.kind === 'rect' && i.stroke);
    expect(rects.map((r) => (r.kind === 'rect' ? r.fill?.opacity : null))).toEqual([1, 0.28]);
    const dashed = scene.items.filter((i) => i.kind === 'path' && i.stroke?.dash?.join() === '3,3');
    expect(dashed).toHaveLength(1);
    const end = dashed[0]!.kind === 'path' ? dashed[0]!.commands.at(-1) : null;
    expect(end).toMatchObject({ op: 'L', x: 770 });
  });

  it('gives the page layout a legend of the entity types and link tones drawn', () => {
    expect([...scene.legend.entityTypes]).toEqual(['armed_group']);
    expect([...scene.legend.links].map((l) => l.tone)).toEqual(['hostile', 'affiliation']);
    expect(scene.bounds.x2).toBeGreaterThan(770);
  });

  it('writes its lane labels, ticks and bar labels in the page’s ink: light on the dark theme’s background', () => {
    const textColours = (items: typeof scene.items) => new Set(items.flatMap((i) => (i.kind === 'text' && i.colour !== '#1a73e8' ? [i.colour] : [])));
    const light = inkOn('#ffffff');
    const dark = inkOn('#1c2127');
    expect(dark.onDark).toBe(true);
    expect(textColours(scene.items)).toEqual(new Set([light.text, light.muted]));
    const onDark = buildTimelineScene(timeline, approximateMeasurer(), dark);
    expect(textColours(onDark.items)).toEqual(new Set([dark.text, dark.muted]));
    const rules = onDark.items.flatMap((i) => (i.kind === 'path' && i.stroke && !i.stroke.dash?.join().startsWith('3') ? [i.stroke.colour] : []));
    expect(new Set(rules)).toEqual(new Set([dark.rule]));
  });
});
