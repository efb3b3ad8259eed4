/** Measures the advance width of a line of text at a size and weight, in the export font. */
export type TextMeasurer = (text: string, fontSize: number, weight: 'normal' | 'bold') => number;

/**
 * Text as an image may hold it: no characters XML 1.0 forbids (C0 controls but tab, lone
 * surrogates, U+FFFE/U+FFFF), no other controls, no bidi overrides that could make a label read
 * as something else. Line breaks are kept (they become separate lines), tabs become spaces.
 */
export function cleanText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x0a) {
      out += '\n';
      continue;
    }
    if (code === 0x09) {
      out += ' ';
      continue;
    }
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) continue;
    // Lone surrogates (a well-formed pair arrives as one code point above 0xFFFF).
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (code === 0xfffe || code === 0xffff) continue;
    // Bidi embedding/override controls: a label must read as typed, not reversed.
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) continue;
    out += char;
  }
  return out;
}

/** One-line text (titles, footnote entries): line breaks become spaces, runs of spaces one space. */
export function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/**
 * Breaks text into lines no wider than `maxWidth` at spaces, as the chart wraps labels. A word
 * wider than that stays whole on its own line, as on the chart (a label is never cut inside a
 * word: bounds are measured from the real widths, so it is not clipped either), unless
 * `breakWords` asks to break it between characters (page text that must fit the page).
 */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number, breakWords = false): string[] {
  const lines: string[] = [];
  for (const paragraph of cleanText(text).split('\n')) {
    const words = paragraph.split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) continue;
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      if (!breakWords || measure(word) <= maxWidth) {
        line = word;
        continue;
      }
      // A word wider than the line: break it between characters.
      let piece = '';
      for (const char of word) {
        if (piece !== '' && measure(piece + char) > maxWidth) {
          lines.push(piece);
          piece = '';
        }
        piece += char;
      }
      line = piece;
    }
    if (line !== '') lines.push(line);
  }
  return lines;
}

/** Memoises a measurer: charts repeat labels and link types many times. */
export function cachedMeasurer(measure: TextMeasurer, limit = 50_000): TextMeasurer {
  const cache = new Map<string, number>();
  return (text, fontSize, weight) => {
    const key = `${fontSize}|${weight}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      width = measure(text, fontSize, weight);
      if (cache.size >= limit) cache.clear();
      cache.set(key, width);
    }
    return width;
  };
}

/** A measurer from per-character advances (em units), for tests and as a fallback. */
export function approximateMeasurer(advanceEm = 0.6): TextMeasurer {
  return (text, fontSize, weight) => [...text].length * fontSize * advanceEm * (weight === 'bold' ? 1.08 : 1);
}
