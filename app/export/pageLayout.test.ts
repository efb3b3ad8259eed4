import { describe, expect, it } from 'vitest';
import { buildChartScene, type ExportChart } from './chartScene';
import type { CitedSource } from './footnote';
import { footnoteEntries, printableReference } from './footnote';
import { buildExportScene, inkOn, normaliseColour } from './pageLayout';
import { includeBox, emptyBox, itemBounds, type Box, type Scene, type TextItem } from './scene';
import { paperUnits } from './sizing';
import { fullOptions, gridChart } from './testing/syntheticChart';
import { approximateMeasurer } from './text';

const measure = approximateMeasurer();

function chartScene(chart: ExportChart = gridChart(30, 120)) {
  return buildChartScene(chart, { linkLabels: true, annotations: true }, measure);
}

function pageBoxOfChart(scene: Scene): Box {
  const t = scene.chart.transform;
  const box = emptyBox();
  for (const item of scene.chart.items) {
    const b = itemBounds(item);
    includeBox(box, { x1: b.x1 * t.scale + t.tx, y1: b.y1 * t.scale + t.ty, x2: b.x2 * t.scale + t.tx, y2: b.y2 * t.scale + t.ty });
  }
  return box;
}

function allText(scene: Scene): string[] {
  return [...scene.chart.items, ...scene.page].filter((i): i is TextItem => i.kind === 'text').map((i) => i.lines.map((l) => l.text).join(' '));
}

const SOURCE: CitedSource = {
  id: 's1',
  title: 'Jama’at Nasr al-Islam wal Muslimin: a merger of al-Qaeda affiliates',
  author: 'A. Researcher',
  publisher: 'Open Source Review',
  publishedDate: '2024-03',
  reference: 'https://example.org/jnim',
  citedBy: 12,
};

describe('the page of an exported chart', () => {
  it('keeps every chart item, labels included, inside the page and between the banners', () => {
    for (const size of [{ mode: 'scale', scale: 1 }, { mode: 'paper', paper: 'A4', orientation: 'portrait', dpi: 300 }] as const) {
      const scene = buildExportScene({ chart: chartScene(), sources: [SOURCE], themeBackground: '#fbfbfc' }, fullOptions({ size }), measure);
      const chart = pageBoxOfChart(scene);
      const banner = 24;
      expect(chart.x1).toBeGreaterThanOrEqual(0);
      expect(chart.x2).toBeLessThanOrEqual(scene.width);
      expect(chart.y1).toBeGreaterThanOrEqual(banner);
      expect(chart.y2).toBeLessThanOrEqual(scene.height - banner);
      for (const item of scene.page) {
        const b = itemBounds(item);
        expect(b.x1).toBeGreaterThanOrEqual(-0.01);
        expect(b.x2).toBeLessThanOrEqual(scene.width + 0.01);
        expect(b.y1).toBeGreaterThanOrEqual(-0.01);
        expect(b.y2).toBeLessThanOrEqual(scene.height + 0.01);
      }
    }
  });

  it('puts the title, date, author, TLP banners, legend and footnote on the page when chosen', () => {
    const scene = buildExportScene({ chart: chartScene(), sources: [SOURCE], themeBackground: '#fbfbfc' }, fullOptions(), measure);
    const text = allText(scene);
    expect(text).toContain('JNIM and its founding factions');
    expect(text).toContain('Open-source reporting');
    expect(text.some((t) => t.includes('2025-06-01') && t.includes('Analyst One'))).toBe(true);
    expect(text.filter((t) => t === 'TLP:AMBER')).toHaveLength(2);
    const banners = scene.page.filter((i) => i.kind === 'rect' && i.fill?.colour === '#000000');
    expect(banners).toHaveLength(2);
    expect(text).toContain('Armed group');
    expect(text).toContain('Hostility, rivalry');
    expect(text.some((t) => t.startsWith('1. Jama’at Nasr al-Islam') && t.includes('https://example.org/jnim'))).toBe(true);
  });

  it('leaves everything optional out when not chosen', () => {
    const scene = buildExportScene(
      { chart: chartScene(), sources: [SOURCE], themeBackground: '#fbfbfc' },
      fullOptions({ title: '', subtitle: '', date: '', author: '', marking: { kind: 'none' }, legend: false, footnote: false }),
      measure,
    );
    expect(scene.page).toEqual([]);
  });

  it('fits the chart to paper and cuts a long footnote short instead of the chart', () => {
    const sources = Array.from({ length: 400 }, (_, i) => ({ ...SOURCE, id: `s${i}`, title: `Report number ${i} on armed groups in the Sahel` }));
    const size = { mode: 'paper', paper: 'A4', orientation: 'landscape', dpi: 150 } as const;
    const scene = buildExportScene({ chart: chartScene(gridChart(400, 100)), sources, themeBackground: '#fbfbfc' }, fullOptions({ size }), measure);
    const paper = paperUnits('A4', 'landscape');
    expect(scene.width).toBeCloseTo(paper.width);
    expect(scene.height).toBeCloseTo(paper.height);
    const chart = pageBoxOfChart(scene);
    expect(chart.y2 - chart.y1).toBeGreaterThan(paper.height * 0.3);
    expect(allText(scene).some((t) => /^… and \d+ more sources/.test(t))).toBe(true);
  });

  it('uses the theme’s background, white, or none', () => {
    const input = { chart: chartScene(), sources: [], themeBackground: 'rgb(251, 251, 252)' };
    expect(buildExportScene(input, fullOptions({ background: 'theme' }), measure).background).toBe('#fbfbfc');
    expect(buildExportScene(input, fullOptions({ background: 'white' }), measure).background).toBe('#ffffff');
    expect(buildExportScene(input, fullOptions({ background: 'transparent' }), measure).background).toBeNull();
    // JPEG and PDF cannot be transparent.
    expect(buildExportScene(input, fullOptions({ background: 'transparent', format: 'jpeg' }), measure).background).toBe('#ffffff');
  });

  it('writes the title, legend and sources in a light ink on the dark theme’s background, and in the dark ink on white', () => {
    const input = { chart: chartScene(), sources: [SOURCE], themeBackground: 'rgb(31, 36, 42)' };
    const pageColours = (scene: Scene) => new Set(scene.page.filter((i): i is TextItem => i.kind === 'text').map((i) => i.colour));
    const dark = buildExportScene(input, fullOptions({ background: 'theme', marking: { kind: 'none' } }), measure);
    const white = buildExportScene(input, fullOptions({ background: 'white', marking: { kind: 'none' } }), measure);
    expect(dark.background).toBe('#1f242a');
    expect([...pageColours(dark)].sort()).toEqual([inkOn('#1f242a').muted, inkOn('#1f242a').text].sort());
    expect([...pageColours(white)].sort()).toEqual([inkOn('#ffffff').muted, inkOn('#ffffff').text].sort());
    expect(inkOn('#1f242a').text).not.toBe(inkOn('#ffffff').text);
    // Each ink reads on its page: the text's brightness is far from the background's.
    const brightness = (hex: string) => [1, 3, 5].reduce((sum, i, k) => sum + [0.2126, 0.7152, 0.0722][k]! * (parseInt(hex.slice(i, i + 2), 16) / 255), 0);
    expect(brightness(inkOn('#1f242a').text) - brightness('#1f242a')).toBeGreaterThan(0.6);
    expect(brightness('#ffffff') - brightness(inkOn('#ffffff').text)).toBeGreaterThan(0.6);
    expect(inkOn(null)).toEqual(inkOn('#ffffff'));
  });

  it('draws annotations: shapes under the chart, notes over it', () => {
    const chart = gridChart(4, 100);
    chart.annotations = [
      { kind: 'rect', id: 'a1', x: -50, y: -50, width: 300, height: 300, stroke: '#1a73e8' },
      { kind: 'note', id: 'a2', x: 400, y: 0, width: 160, text: 'Merger announced March 2017' },
    ];
    const scene = buildChartScene(chart, { linkLabels: false, annotations: true }, measure);
    expect(scene.items[0]).toMatchObject({ kind: 'rect', stroke: { colour: '#1a73e8' } });
    const last = scene.items[scene.items.length - 1] as TextItem;
    expect(last.lines.map((l) => l.text).join(' ')).toBe('Merger announced March 2017');
    expect(scene.bounds.x2).toBeGreaterThanOrEqual(560);
    const without = buildChartScene(chart, { linkLabels: false, annotations: false }, measure);
    expect(without.items.length).toBe(scene.items.length - 3);
  });
});

describe('link strength', () => {
  it('draws links dashed or dotted by strength, as the chart does, and says so in the legend', () => {
    const chart = gridChart(9, 100);
    chart.edges.forEach((e, i) => {
      e.strength = (['confirmed', 'unconfirmed', 'tentative'] as const)[i % 3];
      e.unsourced = true;
    });
    const scene = buildChartScene(chart, { linkLabels: false, annotations: false }, measure);
    const dashes = scene.items.filter((i) => i.kind === 'path' && i.stroke).map((i) => (i.kind === 'path' ? (i.stroke?.dash ?? null) : null));
    expect(dashes).toContainEqual(null);
    expect(dashes).toContainEqual([6, 3]);
    expect(dashes).toContainEqual([1.5, 3]);
    expect(dashes).not.toContainEqual([5, 3]);
    const text = allText(buildExportScene({ chart: scene, sources: [], themeBackground: '#ffffff' }, fullOptions({ marking: { kind: 'none' } }), measure));
    expect(text).toEqual(expect.arrayContaining(['Confirmed (solid)', 'Unconfirmed (dashed)', 'Tentative (dotted)']));
  });
});

describe('footnote entries', () => {
  it('prints web references but never paths or file names', () => {
    expect(printableReference('https://example.org/a')).toBe('https://example.org/a');
    expect(printableReference('/home/analyst/Documents/report.pdf')).toBeNull();
    expect(printableReference('C:\\Users\\analyst\\report.pdf')).toBeNull();
    expect(printableReference('file:///home/analyst/report.pdf')).toBeNull();
    expect(printableReference('report.pdf')).toBeNull();
    const [line] = footnoteEntries([{ ...SOURCE, reference: '/home/analyst/secret.pdf' }]);
    expect(line).toBe('1. Jama’at Nasr al-Islam wal Muslimin: a merger of al-Qaeda affiliates. A. Researcher. Open Source Review, 2024-03.');
  });
});

describe('normaliseColour', () => {
  it('reads what getComputedStyle returns', () => {
    expect(normaliseColour('rgb(251, 251, 252)')).toBe('#fbfbfc');
    expect(normaliseColour('#FFF')).toBe('#ffffff');
    expect(normaliseColour('rgba(0, 0, 0, 0)')).toBeNull();
    expect(normaliseColour('red')).toBeNull();
  });
});
