import type { Attributes, CaseDocument } from '../domain';
import { encodeAnx } from './anx';
import { encodeCsv } from './csv';
import { encodeGexf } from './gexf';
import { encodeGraphml } from './graphml';
import { encodeMispEvent } from './mispEvent';
import { encodeMtgx } from './maltego';
import { encodeStix } from './stix/encode';
import type { ExportFormat } from './graph';

export interface EncodeOptions {
  /** STIX: relationship types STIX does not define become `related-to` (strict) or stay as custom types. */
  stixRelationships?: 'strict' | 'custom';
  /** CSV: start each table with a UTF-8 byte order mark, so Excel opens it as UTF-8 rather than in its local code page. */
  csvBom?: boolean;
}

/** One file of an export; `part` names it when a format writes several (CSV: entities and links). */
export interface EncodedFile {
  part: string | null;
  extension: string;
  /** Text (written as UTF-8), or the bytes of a binary format (MTGX is a zip archive). */
  content: string | Uint8Array;
}

/** Formats written as text here; an Excel workbook is written by the host (its library is asynchronous and Node-only). */
export type TextExportFormat = Exclude<ExportFormat, 'xlsx'>;

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  stix: 'json',
  graphml: 'graphml',
  gexf: 'gexf',
  csv: 'csv',
  xlsx: 'xlsx',
  anx: 'anx',
  'misp-event': 'json',
  mtgx: 'mtgx',
  json: 'json',
};

/** Attributes with only their own keys and no prototype: `attributes.constructor` is undefined unless it is data. */
function ownAttributes(attributes: Attributes): Attributes {
  const own = Object.create(null) as Attributes;
  for (const key of Object.keys(attributes)) {
    const value = Object.getOwnPropertyDescriptor(attributes, key)?.value as Attributes[string] | undefined;
    if (value !== undefined) Object.defineProperty(own, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return own;
}

/**
 * The document as every encoder may read it: attribute maps without a prototype, so an encoder
 * that looks up an attribute by a name another item uses ("constructor", "toString") never
 * writes an inherited function.
 */
export function withOwnAttributes(doc: CaseDocument): CaseDocument {
  return {
    ...doc,
    entities: doc.entities.map((e) => ({ ...e, attributes: ownAttributes(e.attributes) })),
    links: doc.links.map((l) => ({ ...l, attributes: ownAttributes(l.attributes) })),
  };
}

/** Writes a case document in a text export format. Pure: the caller writes the files. */
export function encodeCase(input: CaseDocument, format: TextExportFormat, options: EncodeOptions = {}): EncodedFile[] {
  const doc = withOwnAttributes(input);
  const one = (content: string | Uint8Array): EncodedFile[] => [{ part: null, extension: EXPORT_EXTENSIONS[format], content }];
  switch (format) {
    case 'json':
      return one(`${JSON.stringify(doc, null, 2)}\n`);
    case 'graphml':
      return one(encodeGraphml(doc));
    case 'gexf':
      return one(encodeGexf(doc));
    case 'csv': {
      const { entities, links } = encodeCsv(doc, { bom: options.csvBom ?? false });
      return [
        { part: 'entities', extension: 'csv', content: entities },
        { part: 'links', extension: 'csv', content: links },
      ];
    }
    case 'anx':
      return one(encodeAnx(doc));
    case 'misp-event':
      return one(encodeMispEvent(doc));
    case 'mtgx':
      return one(encodeMtgx(doc));
    case 'stix':
      return one(encodeStix(doc, { relationships: options.stixRelationships ?? 'strict' }));
  }
}
