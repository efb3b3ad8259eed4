import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS } from '../../app/interchange/graph';
import { parseInterchange } from '../../app/interchange/parse';
import { decodeXmlText } from '../../app/interchange/utf8';
import { tempFolder } from '../../db/testing/tempCase';
import { decodeUtf8 } from './parseJob';
import { parseFileInWorker } from './parseHost';
import { useBuiltInterchangeWorker } from './testing/workerBundle';

/** UTF-16 bytes of a string, with or without a byte order mark, as Windows tools (i2 among them) write them. */
function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const units = [...(bom ? '\uFEFF' : ''), ...text].flatMap((ch) => {
    const out: number[] = [];
    for (let i = 0; i < ch.length; i++) out.push(ch.charCodeAt(i));
    return out;
  });
  const bytes = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    bytes[i * 2] = littleEndian ? u & 0xff : u >> 8;
    bytes[i * 2 + 1] = littleEndian ? u >> 8 : u & 0xff;
  });
  return bytes;
}

/** Single-byte bytes from code points below 256 (ISO-8859-1), or explicit bytes for Windows-1252's 0x80–0x9F. */
const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

const graphml = (declaration: string, name: string) => `${declaration}
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="n0"><data key="d0">${name}</data></node>
    <node id="n1"><data key="d0">Tombouctou</data></node>
    <edge source="n0" target="n1"/>
  </graph>
</graphml>`;

const parse = (bytes: Uint8Array, fileName = 'chart.graphml') => parseInterchange(bytes, { fileName, format: 'auto', decodeText: decodeUtf8 });

let tmp: ReturnType<typeof tempFolder>;
beforeAll(() => {
  useBuiltInterchangeWorker();
  tmp = tempFolder('awb-xmlenc-');
});
afterAll(() => tmp.cleanup());

describe('XML files in the encodings real tools write', () => {
  const name = 'Jama’at Nusrat al-Islam — 𝄞 Ménaka';

  it('reads UTF-16 little- and big-endian with a byte order mark, declared UTF-16', () => {
    for (const littleEndian of [true, false]) {
      const g = parse(utf16(graphml('<?xml version="1.0" encoding="UTF-16"?>', name), littleEndian));
      expect(g.entities.map((e) => e.label)).toEqual([name, 'Tombouctou']);
      expect(g.links).toHaveLength(1);
    }
  });

  it('reads UTF-16 without a byte order mark when the declaration says UTF-16, and recognises the format from its first bytes', () => {
    const g = parse(utf16(graphml('<?xml version="1.0" encoding="UTF-16"?>', name), true, false), 'export.xml');
    expect(g.format).toBe('graphml');
    expect(g.entities[0]?.label).toBe(name);
  });

  it('reads ISO-8859-1 and Windows-1252 when the declaration names them', () => {
    const iso = parse(latin1(graphml('<?xml version="1.0" encoding="ISO-8859-1"?>', 'Ménaka, Ségou, Mopti «centre»')));
    expect(iso.entities[0]?.label).toBe('Ménaka, Ségou, Mopti «centre»');
    // 0x92 is a right single quotation mark and 0x80 the euro sign in Windows-1252 (control characters in ISO-8859-1).
    const bytes = latin1(graphml('<?xml version="1.0" encoding="windows-1252"?>', 'Jama\u0092at 5\u0080'));
    expect(parse(bytes).entities[0]?.label).toBe('Jama’at 5€');
  });

  it('refuses a declaration that contradicts the bytes, saying what each says', () => {
    expect(() => parse(utf16(graphml('<?xml version="1.0" encoding="UTF-8"?>', name), true))).toThrow(/UTF-16 \(little-endian\).*says encoding="UTF-8"/);
    expect(() => parse(latin1(graphml('<?xml version="1.0" encoding="UTF-16"?>', 'Ménaka')))).toThrow(/says encoding="UTF-16" but its bytes are not UTF-16/);
    const bomThenLatin = new Uint8Array([0xef, 0xbb, 0xbf, ...latin1(graphml('<?xml version="1.0" encoding="ISO-8859-1"?>', 'x'))]);
    expect(() => parse(bomThenLatin)).toThrow(/UTF-8 byte order mark but its XML declaration says encoding="ISO-8859-1"/);
    expect(() => parse(latin1(graphml('<?xml version="1.0" encoding="Shift_JIS"?>', 'x')))).toThrow(/names the encoding "Shift_JIS", which is not read/);
  });

  it('still refuses bytes that are not UTF-8 when the file says UTF-8 or nothing, with the byte offset', () => {
    const text = graphml('<?xml version="1.0"?>', 'Ménaka');
    expect(() => parse(latin1(text))).toThrow(/not valid UTF-8 text \(at byte offset \d+\)/);
  });

  it('refuses UTF-16 cut in half or with a broken surrogate pair', () => {
    const bytes = utf16(graphml('<?xml version="1.0" encoding="UTF-16"?>', name), true);
    expect(() => decodeXmlText(bytes.subarray(0, bytes.length - 1), decodeUtf8)).toThrow(/odd number of bytes/);
    const broken = utf16('<?xml version="1.0" encoding="UTF-16"?><a>\uD834x</a>', true);
    expect(() => decodeXmlText(broken, decodeUtf8)).toThrow(/broken surrogate pair/);
  });

  it('goes through the import worker: a UTF-16 GraphML file on disk imports', async () => {
    const path = tmp.file('utf16.graphml');
    writeFileSync(path, utf16(graphml('<?xml version="1.0" encoding="UTF-16"?>', name), true));
    const { graph } = await parseFileInWorker(path);
    expect(graph.entities[0]?.label).toBe(name);
  });

  it('limits still apply to decoded text', () => {
    expect(() => parseInterchange(utf16(graphml('<?xml version="1.0" encoding="UTF-16"?>', 'x'.repeat(50)), true), { fileName: 'a.graphml', format: 'auto', decodeText: decodeUtf8, limits: { ...DEFAULT_PARSE_LIMITS, maxValueLength: 20 } })).toThrow(/longer than 20 characters/);
  });
});
