import type { CaseDocument } from '../domain';
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
}

/** One file of an export; `part` names it when a format writes several (CSV: entities and links). */
export interface EncodedFile {
  part: string | null;
  extension: string;
  /** Text (written as UTF-8), or the bytes of a binary format (MTGX is a zip archive). */
  content: string | Uint8Array;
}

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  stix: 'json',
  graphml: 'graphml',
  gexf: 'gexf',
  csv: 'csv',
  anx: 'anx',
  'misp-event': 'json',
  mtgx: 'mtgx',
  json: 'json',
};

/** Writes a case document in an export format. Pure: the caller writes the files. */
export function encodeCase(doc: CaseDocument, format: ExportFormat, options: EncodeOptions = {}): EncodedFile[] {
  const one = (content: string | Uint8Array): EncodedFile[] => [{ part: null, extension: EXPORT_EXTENSIONS[format], content }];
  switch (format) {
    case 'json':
      return one(`${JSON.stringify(doc, null, 2)}\n`);
    case 'graphml':
      return one(encodeGraphml(doc));
    case 'gexf':
      return one(encodeGexf(doc));
    case 'csv': {
      const { entities, links } = encodeCsv(doc);
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
