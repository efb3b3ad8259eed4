import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCaseJson } from './caseJson';
import { encodeCase } from './encode';
import { decodeGexf } from './gexf';
import { DEFAULT_PARSE_LIMITS, type InterchangeGraph } from './graph';
import { decodeGraphml } from './graphml';
import { parseJsonText } from './jsonText';
import { decodeStix } from './stix/decode';
import { actual, caseDocument, expected } from './testing/randomCase';

/**
 * Round trips over random small cases: a case written in a format and read back gives the same
 * entities, links, sources, citations and notes (and positions, where the format holds them).
 */

const DECODERS: Record<'json' | 'graphml' | 'gexf' | 'stix', (text: string) => InterchangeGraph> = {
  json: (t) => decodeCaseJson(parseJsonText(t, DEFAULT_PARSE_LIMITS)),
  graphml: (t) => decodeGraphml(t, DEFAULT_PARSE_LIMITS),
  gexf: (t) => decodeGexf(t, DEFAULT_PARSE_LIMITS),
  stix: (t) => decodeStix(parseJsonText(t, DEFAULT_PARSE_LIMITS), DEFAULT_PARSE_LIMITS),
};

describe('round trips over random cases (fast-check)', () => {
  for (const format of ['json', 'graphml', 'gexf', 'stix'] as const) {
    it(`${format}: write then read gives the same case`, () => {
      const positions = format !== 'stix';
      const seen = { links: 0, citations: 0, notes: 0, attributes: 0, positions: 0 };
      fc.assert(
        fc.property(caseDocument, (doc) => {
          seen.links += doc.links.length;
          seen.citations += doc.citations.length;
          seen.notes += doc.notes.length;
          seen.attributes += doc.entities.filter((e) => Object.keys(e.attributes).length > 0).length;
          seen.positions += doc.charts[0]?.positions.length ?? 0;
          const [file] = encodeCase(doc, format);
          const graph = DECODERS[format](typeof file?.content === 'string' ? file.content : '');
          expect(actual(graph, positions)).toEqual(expected(doc, positions));
        }),
        { numRuns: 150 },
      );
      // The generator is not vacuous: the runs held links, citations, notes, attributes and positions.
      expect(Object.values(seen).every((n) => n > 20)).toBe(true);
    });
  }
});
