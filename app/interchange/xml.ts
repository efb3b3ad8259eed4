import { SaxesParser } from 'saxes';
import { InterchangeError, type ParseLimits } from './graph';

/**
 * A small element tree read from untrusted XML. Names are local (prefix dropped: GEXF files in
 * the wild mistype the viz namespace URI), attribute maps hold local names too.
 */
export interface XmlElement {
  name: string;
  /** The prefix as written ("viz" for viz:color), or "". */
  prefix: string;
  attributes: Map<string, string>;
  children: XmlElement[];
  /** The element's own text (character data and CDATA), untrimmed. */
  text: string;
  line: number;
  column: number;
}

function lineColumnAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * Refuses any document type or entity declaration before parsing: no XXE, no billion laughs, no
 * external DTD fetch, whatever the parser would have done with them.
 */
function refuseDeclarations(text: string): void {
  const match = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (match) {
    const what = match[1]?.toUpperCase() === 'ENTITY' ? 'an entity declaration' : 'a document type declaration (DOCTYPE)';
    throw new InterchangeError(
      `This XML file contains ${what}, which is refused: such declarations can read other files or expand without bound`,
      lineColumnAt(text, match.index),
    );
  }
}

/** Parses XML text into an element tree, within the limits; malformed XML names line and column. */
export function readXml(text: string, limits: ParseLimits): XmlElement {
  refuseDeclarations(text);
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let elements = 0;
  const maxElements = limits.maxItems * 4;

  const fail = (message: string): never => {
    throw new InterchangeError(message, { line: parser.line, column: parser.column + 1 });
  };

  parser.on('error', (error) => {
    // saxes prefixes its messages with "line:column: "; we add our own location.
    fail(`This XML file is malformed: ${error.message.replace(/^\d+:\d+: /, '')}`);
  });
  parser.on('doctype', () => fail('This XML file contains a document type declaration (DOCTYPE), which is refused'));
  parser.on('opentag', (tag) => {
    if (stack.length >= limits.maxDepth) fail(`This XML file nests elements deeper than ${limits.maxDepth} levels`);
    if (++elements > maxElements) fail(`This XML file has more than ${maxElements} elements`);
    const [prefix, local] = splitName(tag.name);
    const attributes = new Map<string, string>();
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (typeof value !== 'string') continue;
      if (value.length > limits.maxValueLength) fail(`An attribute value is longer than ${limits.maxValueLength} characters`);
      const [attrPrefix, attrLocal] = splitName(name);
      attributes.set(attrPrefix === 'xmlns' ? name : attrLocal, value);
    }
    const element: XmlElement = { name: local, prefix, attributes, children: [], text: '', line: parser.line, column: parser.column + 1 };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  const addText = (value: string) => {
    const current = stack[stack.length - 1];
    if (!current) return;
    if (current.text.length + value.length > limits.maxValueLength) fail(`A text value is longer than ${limits.maxValueLength} characters`);
    current.text += value;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof InterchangeError) throw error;
    if (error instanceof RangeError) throw new InterchangeError('This XML file nests too deeply to read');
    throw new InterchangeError(`This XML file could not be read: ${(error as Error).message}`, { line: parser.line, column: parser.column + 1 });
  }
  if (!root) throw new InterchangeError('This file has no XML root element');
  return root;
}

function splitName(name: string): [string, string] {
  const colon = name.indexOf(':');
  return colon === -1 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

/** Direct children with a local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

// ---- writing ----

/** Characters XML 1.0 cannot hold even escaped: replaced by U+FFFD on export. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what XML 1.0 forbids
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text content (a carriage return is written as a reference so it survives parsing). */
export function escapeXmlText(value: string): string {
  return value
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes an attribute value; tab, CR and LF as references so attribute normalisation keeps them. */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** `name="value"` pairs for an element, skipping undefined and null values. */
export function xmlAttributes(pairs: Record<string, string | number | boolean | null | undefined>): string {
  return Object.entries(pairs)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}
