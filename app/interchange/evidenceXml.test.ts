import { describe, expect, it } from 'vitest';
import type { CaseDocument } from '../domain';
import { decodeCaseJson } from './caseJson';
import { encodeCase } from './encode';
import { splitText } from './evidenceXml';
import { decodeGexf } from './gexf';
import { DEFAULT_PARSE_LIMITS } from './graph';
import { decodeGraphml } from './graphml';
import { parseJsonText } from './jsonText';

const stamp = '2025-11-25T18:00:00.000Z';
const ENTITY = '3f0c1a52-8d0e-4b7e-9d4a-7c1f2e3d4a5b';
const SOURCE = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** One entity citing one source whose text is `body` (as long as the app lets a source text be). */
function caseWithSourceText(body: string): CaseDocument {
  return {
    format: 'analyst-workbench-case',
    formatVersion: 1,
    name: 'Long source',
    exportedAt: stamp,
    entities: [{ id: ENTITY, type: 'person', label: 'Iyad ag Ghali', aliases: [], description: null, startDate: null, endDate: null, attributes: {}, color: null, location: null, createdAt: stamp, updatedAt: stamp }],
    links: [],
    sources: [{ id: SOURCE, title: 'Long report', author: null, publisher: null, publishedDate: null, reference: null, reliability: 'B', body, createdAt: stamp }],
    citations: [{ id: 'c0a1b2c3-d4e5-4f60-8a7b-8c9d0e1f2a3b', sourceId: SOURCE, entityId: ENTITY, linkId: null, quote: body.slice(0, 20), locator: null, credibility: 2, comment: null, createdAt: stamp }],
    notes: [{ id: 'd0a1b2c3-d4e5-4f60-8a7b-8c9d0e1f2a3b', target: { kind: 'case' }, body: '😀'.repeat(300_000), author: null, credibility: null, createdAt: stamp, updatedAt: stamp }],
    charts: [{ id: 'chart', name: 'Chart', viewport: null, positions: [] }],
    annotations: [],
    mergeRecords: [],
  };
}

describe('evidence in GraphML and GEXF exports', () => {
  it('splits long text on character boundaries, never inside a surrogate pair', () => {
    const text = `a${'😀'.repeat(10)}`;
    const parts = splitText(text, 4);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => p.length <= 4 && !/[\uD800-\uDBFF]$/.test(p) && !/^[\uDC00-\uDFFF]/.test(p))).toBe(true);
  });

  it('a source text of 1,500,000 characters and a 600,000-character note read back whole', () => {
    const body = Array.from({ length: 1_500_000 }, (_, i) => 'ab"\\<&\n😀'[i % 9]).join('');
    const doc = caseWithSourceText(body);
    for (const format of ['graphml', 'gexf'] as const) {
      const [file] = encodeCase(doc, format);
      const content = typeof file?.content === 'string' ? file.content : '';
      expect(content.length).toBeGreaterThan(DEFAULT_PARSE_LIMITS.maxValueLength);
      const graph = format === 'graphml' ? decodeGraphml(content, DEFAULT_PARSE_LIMITS) : decodeGexf(content, DEFAULT_PARSE_LIMITS);
      expect(graph.sources[0]?.body).toBe(body);
      expect(graph.notes[0]?.body).toBe(doc.notes[0]?.body);
      expect(graph.citations).toHaveLength(1);
    }
    const [json] = encodeCase(doc, 'json');
    expect(decodeCaseJson(parseJsonText(typeof json?.content === 'string' ? json.content : '', DEFAULT_PARSE_LIMITS)).sources[0]?.body).toBe(body);
  }, 120_000);

  it('still reads the one-block evidence of earlier exports, and still refuses a text value past the limit', () => {
    const evidence = JSON.stringify({ sources: [{ id: SOURCE, title: 'Old', reliability: 'C' }], citations: [], notes: [] });
    const old = (block: string) => `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="evidence" for="graph" attr.name="awb.evidence" attr.type="string"/><graph edgedefault="directed"><data key="evidence">${block}</data></graph></graphml>`;
    expect(decodeGraphml(old(evidence.replace(/&/g, '&amp;').replace(/</g, '&lt;')), DEFAULT_PARSE_LIMITS).sources.map((s) => s.title)).toEqual(['Old']);
    expect(() => decodeGraphml(old('x'.repeat(DEFAULT_PARSE_LIMITS.maxValueLength + 1)), DEFAULT_PARSE_LIMITS)).toThrow(/longer than 1000000 characters/);
  });

  it('refuses an evidence item that is not valid, naming the line', () => {
    const bad = `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="evidence" for="graph" attr.name="awb.evidence" attr.type="string"/><graph edgedefault="directed"><data key="evidence">\n<awb:source>{"id":"x","title":"","reliability":"Q"}</awb:source></data></graph></graphml>`;
    expect(() => decodeGraphml(bad, DEFAULT_PARSE_LIMITS)).toThrow(/evidence \(source\) is not valid.*line 2/);
  });
});
