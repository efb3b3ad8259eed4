import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { buildChartScene } from './chartScene';
import { buildExportScene } from './pageLayout';
import type { Scene } from './scene';
import { sceneToSvg } from './svgWriter';
import { fullOptions, gridChart } from './testing/syntheticChart';
import { approximateMeasurer, cleanText } from './text';

interface ParsedSvg {
  elements: { name: string; attributes: Record<string, string> }[];
  /** The text of each <text> element, its tspans joined by a space. */
  texts: string[];
}

/** Parses with a strict XML parser (saxes): a malformed document throws. */
function parseSvg(svg: string): ParsedSvg {
  const parser = new SaxesParser({ xmlns: false });
  const elements: ParsedSvg['elements'] = [];
  const texts: string[] = [];
  let inText: string[] | null = null;
  let tspan = '';
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attributes[key] = String(value);
    elements.push({ name: tag.name, attributes });
    if (tag.name === 'text') inText = [];
    if (tag.name === 'tspan') tspan = '';
  });
  parser.on('text', (text) => {
    if (inText) tspan += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'tspan' && inText) inText.push(tspan);
    if (tag.name === 'text' && inText) {
      texts.push(inText.join(' '));
      inText = null;
    }
  });
  parser.write(svg).close();
  return { elements, texts };
}

const measure = approximateMeasurer();

function sceneWithLabels(labels: string[], options = fullOptions({ format: 'svg' })): Scene {
  const chart = gridChart(labels.length, 200, (i) => labels[i]!);
  return buildExportScene({ chart: buildChartScene(chart, { linkLabels: true, annotations: true }, measure), sources: [], themeBackground: '#fbfbfc' }, options, measure);
}

function assertSafe(parsed: ParsedSvg): void {
  for (const element of parsed.elements) {
    expect(['script', 'foreignObject', 'iframe', 'image', 'a', 'style']).not.toContain(element.name);
    for (const [name, value] of Object.entries(element.attributes)) {
      expect(name.toLowerCase().startsWith('on'), `event attribute ${name}`).toBe(false);
      if (name === 'href' || name === 'xlink:href') expect(value.startsWith('#'), `reference ${value}`).toBe(true);
      expect(value).not.toMatch(/url\(|javascript:|data:/i);
    }
  }
}

describe('sceneToSvg', () => {
  it('holds every label as text, a script label as visible text, and nothing active', () => {
    const labels = ['JNIM', 'Iyad ag Ghali', '<script>alert(1)</script>', 'Tom & Jerry "quoted" \'single\'', 'Jama’at Nasr al-Islam wal Muslimin'];
    const parsed = parseSvg(sceneToSvg(sceneWithLabels(labels)));
    assertSafe(parsed);
    expect(parsed.elements.some((e) => e.name === 'script')).toBe(false);
    const allText = parsed.texts.join('\n');
    for (const label of labels) {
      // Node labels wrap at 110 px: their words are all there, in order.
      const words = label.split(' ');
      expect(parsed.texts.some((t) => t.split(' ').join(' ').includes(words.join(' ')) || words.every((w) => t.includes(w))), label).toBe(true);
    }
    expect(allText).toContain('<script>alert(1)</script>');
    expect(allText).toContain('TLP:AMBER');
    expect(allText).toContain('JNIM and its founding factions');
  });

  it('drops the characters XML forbids and still parses', () => {
    const nasty = 'a\u0000b\u0001c\u0008d\u000be\u001ff\uFFFEg\uFFFFh\uD800i\uDC00j\u202Ek';
    const parsed = parseSvg(sceneToSvg(sceneWithLabels([nasty])));
    expect(parsed.texts.join(' ')).toContain('abcdefghijk');
  });

  it('is well-formed and safe for any label (property)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 30 }), (labels, title) => {
        const scene = sceneWithLabels(labels, fullOptions({ format: 'svg', title, marking: { kind: 'text', text: title } }));
        const parsed = parseSvg(sceneToSvg(scene));
        assertSafe(parsed);
        const text = parsed.texts.join(' ');
        for (const label of labels) {
          for (const word of cleanText(label).split(/\s+/).filter((w) => w.length > 0 && w.length < 8)) expect(text).toContain(word);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives paper exports a physical size and keeps the page in the viewBox', () => {
    const scene = sceneWithLabels(['A', 'B'], fullOptions({ format: 'svg', size: { mode: 'paper', paper: 'A4', orientation: 'landscape', dpi: 300 } }));
    const root = parseSvg(sceneToSvg(scene)).elements[0]!;
    expect(root.attributes.width).toBe('297mm');
    expect(root.attributes.height).toBe('210mm');
    expect(root.attributes.viewBox).toBe(`0 0 ${Math.round(scene.width * 1000) / 1000} ${Math.round(scene.height * 1000) / 1000}`);
  });

  it('leaves out the background for a transparent export', () => {
    const opaque = sceneWithLabels(['A'], fullOptions({ format: 'svg', background: 'white', marking: { kind: 'none' } }));
    const clear = sceneWithLabels(['A'], fullOptions({ format: 'svg', background: 'transparent', marking: { kind: 'none' } }));
    expect(opaque.background).toBe('#ffffff');
    expect(clear.background).toBeNull();
    const firstRect = (scene: Scene) => parseSvg(sceneToSvg(scene)).elements.find((e) => e.name === 'rect');
    expect(firstRect(opaque)?.attributes.width).toBe(String(Math.round(opaque.width * 1000) / 1000));
    expect(firstRect(clear)?.attributes.width).not.toBe(String(Math.round(clear.width * 1000) / 1000));
  });
});
