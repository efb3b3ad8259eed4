import type { z } from 'zod';
import type { CaseDocument } from '../domain';
import { citationSchema, describeZodError, evidenceOf, evidenceSchema, noteSchema, sourceSchema, type Evidence } from './caseJson';
import { InterchangeError, type ParseLimits } from './graph';
import { parseJsonText } from './jsonText';
import { escapeXmlText, type XmlElement } from './xml';

/**
 * The evidence (sources, citations, notes) our GraphML and GEXF exports carry, written one element
 * per item so that no text value grows with the size of the case.
 *
 * The first exports wrote the whole block as one JSON text: past about 4,000 citations it was
 * longer than the importer's 1,000,000-character limit on a text value, so a mid-sized case could
 * not be read back. Now each item is its own `<awb:source>`, `<awb:citation>` or `<awb:note>`
 * element holding the item's JSON; an item longer than one text value (a 64 MB source text) is
 * split across `<awb:part>` children, each within the limit. The per-value limit stays as it was
 * for every other text, and the old one-block form is still read.
 */

/** The longest JSON text written in one element: well under the importer's 1,000,000-character value limit. */
export const EVIDENCE_PART_CHARS = 500_000;

/**
 * The longest JSON one item may take, parts joined: the longest text the app holds (a 64 MiB source
 * text) escaped at worst six characters per character (`\u001f`), plus its other fields. A file
 * claiming more is refused before its JSON is parsed.
 */
export const EVIDENCE_ITEM_MAX_CHARS = 6 * 64 * 1024 * 1024 + 1024 * 1024;

const ITEM_KINDS = ['source', 'citation', 'note'] as const;
type ItemKind = (typeof ITEM_KINDS)[number];

/** Cuts text into pieces of at most `size` characters, never between the two halves of a surrogate pair. */
export function splitText(text: string, size: number): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff && end - 1 > start) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

/**
 * The evidence of a case as XML lines (one element per item, `prefix` naming our namespace), or an
 * empty list when the case has none.
 */
export function evidenceElements(doc: CaseDocument, prefix: string, indent: string): string[] {
  const evidence = evidenceOf(doc);
  const lines: string[] = [];
  const write = (kind: ItemKind, item: unknown) => {
    const json = JSON.stringify(item);
    const tag = `${prefix}:${kind}`;
    if (json.length <= EVIDENCE_PART_CHARS) {
      lines.push(`${indent}<${tag}>${escapeXmlText(json)}</${tag}>`);
      return;
    }
    const parts = splitText(json, EVIDENCE_PART_CHARS).map((part) => `<${prefix}:part>${escapeXmlText(part)}</${prefix}:part>`);
    lines.push(`${indent}<${tag}>${parts.join('')}</${tag}>`);
  };
  for (const source of evidence.sources) write('source', source);
  for (const citation of evidence.citations) write('citation', citation);
  for (const note of evidence.notes) write('note', note);
  return lines;
}

function itemText(element: XmlElement): string {
  const parts = element.children.filter((child) => child.name === 'part');
  if (parts.length === 0) return element.text;
  let length = 0;
  const texts: string[] = [];
  for (const part of parts) {
    length += part.text.length;
    if (length > EVIDENCE_ITEM_MAX_CHARS) {
      throw new InterchangeError(`An evidence item is longer than ${EVIDENCE_ITEM_MAX_CHARS} characters`, { line: element.line, column: element.column });
    }
    texts.push(part.text);
  }
  return texts.join('');
}

const SCHEMAS: Record<ItemKind, z.ZodTypeAny> = { source: sourceSchema, citation: citationSchema, note: noteSchema };

/**
 * Our evidence from the element that holds it: item elements (this version), or one JSON block of
 * `{sources, citations, notes}` as its text (files written before).
 */
export function readEvidence(element: XmlElement, limits: ParseLimits): Evidence {
  const items = element.children.filter((child) => (ITEM_KINDS as readonly string[]).includes(child.name));
  if (items.length === 0) {
    const parsed = evidenceSchema.safeParse(parseJsonText(element.text, limits));
    if (!parsed.success) throw new InterchangeError(describeZodError(parsed.error, 'file’s evidence block'), { line: element.line, column: element.column });
    return parsed.data;
  }
  const evidence: Evidence = { sources: [], citations: [], notes: [] };
  for (const item of items) {
    const kind = item.name as ItemKind;
    const parsed = SCHEMAS[kind].safeParse(parseJsonText(itemText(item), limits));
    if (!parsed.success) throw new InterchangeError(describeZodError(parsed.error, `file’s evidence (${kind})`), { line: item.line, column: item.column });
    if (kind === 'source') evidence.sources.push(parsed.data as Evidence['sources'][number]);
    else if (kind === 'citation') evidence.citations.push(parsed.data as Evidence['citations'][number]);
    else evidence.notes.push(parsed.data as Evidence['notes'][number]);
  }
  return evidence;
}
