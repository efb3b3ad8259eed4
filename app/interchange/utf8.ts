import { InterchangeError } from './graph';

/**
 * The byte offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong
 * forms, surrogates and code points above U+10FFFF included), or -1 when all of it is valid.
 * Used after a fatal TextDecoder refuses a file, to tell the analyst where.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else return i;
    if (i + need >= n) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

// ---- XML text in the encodings real tools write ----

/** Windows-1252's characters for bytes 0x80–0x9F; the five bytes it leaves undefined keep their C1 code point, as browsers decode them. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

type XmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'iso-8859-1' | 'windows-1252' | 'us-ascii';

/** The encoding names an XML declaration may use for what we read, by their IANA names and common aliases. */
const ENCODING_NAMES: Record<string, XmlEncoding | 'utf-16'> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16': 'utf-16',
  utf16: 'utf-16',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'iso-8859-1': 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  iso_8859_1: 'iso-8859-1',
  'iso_8859-1': 'iso-8859-1',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  l1: 'iso-8859-1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  'us-ascii': 'us-ascii',
  ascii: 'us-ascii',
};

const ENCODING_LABELS: Record<XmlEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'iso-8859-1': 'ISO-8859-1',
  'windows-1252': 'Windows-1252',
  'us-ascii': 'US-ASCII',
};

function chunkedString(codes: Uint16Array): string {
  let out = '';
  const step = 8192;
  for (let i = 0; i < codes.length; i += step) out += String.fromCharCode(...codes.subarray(i, i + step));
  return out;
}

/** UTF-16 code units to text, refusing an odd byte count or a surrogate without its pair (with the byte offset). */
export function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, start = 0): string {
  if ((bytes.length - start) % 2 !== 0) throw new InterchangeError('This UTF-16 file has an odd number of bytes: it is truncated or not UTF-16', { byteOffset: bytes.length - 1 });
  const units = new Uint16Array((bytes.length - start) / 2);
  for (let i = start, u = 0; i < bytes.length; i += 2, u++) {
    const a = bytes[i] as number;
    const b = bytes[i + 1] as number;
    units[u] = littleEndian ? a | (b << 8) : (a << 8) | b;
  }
  for (let u = 0; u < units.length; u++) {
    const unit = units[u] as number;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = units[u + 1];
      if (next === undefined || next < 0xdc00 || next > 0xdfff) throw new InterchangeError('This UTF-16 file holds a broken surrogate pair', { byteOffset: start + u * 2 });
      u++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) throw new InterchangeError('This UTF-16 file holds a broken surrogate pair', { byteOffset: start + u * 2 });
  }
  return chunkedString(units);
}

/** Single-byte text: ISO-8859-1 maps each byte to the same code point; Windows-1252 differs in 0x80–0x9F; US-ASCII refuses bytes past 0x7F. */
export function decodeSingleByte(bytes: Uint8Array, encoding: 'iso-8859-1' | 'windows-1252' | 'us-ascii', start = 0): string {
  const units = new Uint16Array(bytes.length - start);
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (encoding === 'us-ascii' && b > 0x7f) throw new InterchangeError(`This file declares US-ASCII but holds the byte 0x${b.toString(16)}`, { byteOffset: i });
    units[i - start] = encoding === 'windows-1252' && b >= 0x80 && b <= 0x9f ? (WINDOWS_1252_HIGH[b - 0x80] as number) : b;
  }
  return chunkedString(units);
}

/** The encoding named in an XML declaration at the start of `head` (already read as text), or null when there is none. */
function declaredEncoding(head: string): string | null {
  const declaration = /^\s*<\?xml\s[^?]*\?>/.exec(head.replace(/^\uFEFF/, ''));
  if (!declaration) return null;
  return /\bencoding\s*=\s*["']([^"']*)["']/.exec(declaration[0])?.[1]?.trim() ?? null;
}

function asciiHead(bytes: Uint8Array, start: number): string {
  let out = '';
  for (let i = start; i < Math.min(bytes.length, start + 512); i++) out += String.fromCharCode(bytes[i] as number);
  return out;
}

/** What the bytes themselves say: a byte order mark, or the 16-bit pattern of "<?" without one (XML 1.0, appendix F). */
function sniff(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bom: number } | null {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bom: 2 };
  if (a === 0x3c && b === 0x00 && c === 0x3f && d === 0x00) return { encoding: 'utf-16le', bom: 0 };
  if (a === 0x00 && b === 0x3c && c === 0x00 && d === 0x3f) return { encoding: 'utf-16be', bom: 0 };
  return null;
}

/**
 * Decodes an XML file as XML 1.0 says a reader must: the byte order mark first, then the encoding
 * its declaration names (UTF-8 when it names none). i2 writes UTF-16 with a BOM; older tools write
 * ISO-8859-1 or Windows-1252 with a declaration saying so. A declaration that contradicts the
 * bytes (UTF-16 bytes declared UTF-8, a single-byte file declared UTF-16), or an encoding we do not
 * read, is refused rather than guessed. `decodeUtf8` is the strict UTF-8 decoder (app/ has no TextDecoder).
 */
export function decodeXmlText(bytes: Uint8Array, decodeUtf8: (bytes: Uint8Array) => string): string {
  const sniffed = sniff(bytes);
  if (sniffed && sniffed.encoding !== 'utf-8') {
    const littleEndian = sniffed.encoding === 'utf-16le';
    const text = decodeUtf16(bytes, littleEndian, sniffed.bom);
    const declared = declaredEncoding(text.slice(0, 512));
    const name = declared === null ? 'utf-16' : ENCODING_NAMES[declared.toLowerCase()];
    if (name !== 'utf-16' && name !== sniffed.encoding) {
      throw new InterchangeError(`This file is ${ENCODING_LABELS[sniffed.encoding]} (its first bytes say so) but its XML declaration says encoding="${declared ?? ''}"`, { byteOffset: 0 });
    }
    return text.replace(/^\uFEFF/, '');
  }
  const start = sniffed?.bom ?? 0;
  const declared = declaredEncoding(asciiHead(bytes, start));
  const name = declared === null ? 'utf-8' : ENCODING_NAMES[declared.toLowerCase()];
  if (name === undefined) throw new InterchangeError(`This file's XML declaration names the encoding "${declared ?? ''}", which is not read (UTF-8, UTF-16, ISO-8859-1, Windows-1252 and US-ASCII are)`);
  if (name === 'utf-16' || name === 'utf-16le' || name === 'utf-16be') {
    throw new InterchangeError(`This file's XML declaration says encoding="${declared ?? ''}" but its bytes are not UTF-16 (no byte order mark, single-byte characters)`, { byteOffset: 0 });
  }
  if (name === 'utf-8') return decodeUtf8(bytes).replace(/^\uFEFF/, '');
  if (sniffed?.encoding === 'utf-8') throw new InterchangeError(`This file starts with a UTF-8 byte order mark but its XML declaration says encoding="${declared ?? ''}"`, { byteOffset: 0 });
  return decodeSingleByte(bytes, name);
}

/** The first bytes of a file as text for recognising its format: UTF-16 decoded when its first bytes say so, else byte by byte. */
export function textHead(bytes: Uint8Array, maxBytes = 4096): string {
  const sniffed = sniff(bytes);
  const head = bytes.subarray(0, Math.min(bytes.length, maxBytes) & ~1);
  if (sniffed && sniffed.encoding !== 'utf-8') {
    const littleEndian = sniffed.encoding === 'utf-16le';
    try {
      return decodeUtf16(head, littleEndian, sniffed.bom);
    } catch {
      // A surrogate pair cut by the head's end: one unit less decodes, and the format is still recognisable.
      try {
        return decodeUtf16(head.subarray(0, Math.max(sniffed.bom, head.length - 2)), littleEndian, sniffed.bom);
      } catch {
        return '';
      }
    }
  }
  return decodeSingleByte(bytes.subarray(0, Math.min(bytes.length, maxBytes)), 'iso-8859-1');
}
