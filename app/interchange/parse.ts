import { decodeAnx } from './anx';
import { decodeCaseJson } from './caseJson';
import { decodeCsv, decodeTableBytes, type DecodeAs } from './csv';
import { decodeMtgx } from './maltego';
import { decodeMispGalaxy } from './misp';
import { decodeMispEvents } from './mispEvent';
import type { CsvMapping } from './csvMapping';
import { decodeGexf } from './gexf';
import { decodeGraphml } from './graphml';
import { DEFAULT_PARSE_LIMITS, FORMAT_LABELS, IMPORT_FORMATS, InterchangeError, type ImportFormat, type InterchangeGraph, type ParseLimits } from './graph';
import { isRecord, parseJsonText } from './jsonText';
import { decodeWorkbook, zipKind, type WorkbookTables } from './spreadsheet';
import { decodeStix } from './stix/decode';
import { decodeXmlText, textHead } from './utf8';

/** Options an import may take, chosen by the analyst (the CLI's flags, the import dialog's fields). */
export interface ImportOptions {
  /** CSV only: which column holds what; without it the i2-style layout is read. */
  csvMapping?: CsvMapping;
}

/** Everything a codec needs besides the bytes; `decodeText` is injected (app/ has no TextDecoder). */
export interface ParseRequest {
  fileName: string;
  format: ImportFormat | 'auto';
  options?: ImportOptions;
  limits?: ParseLimits;
  /** Strict UTF-8 decoding that throws an InterchangeError naming the byte offset. */
  decodeText: (bytes: Uint8Array) => string;
  /** Decoding in another encoding (CSV files from Excel: Windows-1252, UTF-16); injected like `decodeText`. */
  decodeAs?: DecodeAs;
  /** An Excel workbook's sheets, read by the host (the workbook library is asynchronous and Node-only). */
  workbook?: WorkbookTables;
}

const EXTENSIONS: Record<string, ImportFormat> = {
  graphml: 'graphml',
  gexf: 'gexf',
  csv: 'csv',
  tsv: 'csv',
  // Excel's "Unicode text" (UTF-16, tab-separated) is saved as .txt.
  txt: 'csv',
  xlsx: 'xlsx',
  mtgx: 'mtgx',
  anx: 'anx',
  stix: 'stix',
};

/** The format a file is in, from its extension, or from its first bytes for .json and .xml. */
export function detectFormat(fileName: string, head: string): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const byExtension = EXTENSIONS[ext];
  if (byExtension) return byExtension;
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('PK')) return ext === 'xlsx' ? 'xlsx' : 'mtgx';
  if (start.startsWith('<')) {
    if (/<gexf[\s>]/.test(head)) return 'gexf';
    if (/<graphml[\s>]/.test(head)) return 'graphml';
    if (/<Chart[\s>]/.test(head)) return 'anx';
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    if (/"analyst-workbench-case"/.test(head)) return 'json';
    // MISP event JSON before STIX: an event's tags and comments may quote STIX ids.
    if (/^\[?\s*\{\s*"(?:Event|response)"\s*:/.test(start) || /"Event"\s*:\s*\{/.test(head)) return 'misp-event';
    if (/"type"\s*:\s*"bundle"/.test(head) || /"spec_version"/.test(head) || /"[a-z-]+--[0-9a-f]{8}-/.test(head)) return 'stix';
    if (/"values"\s*:/.test(head) || /"uuid"\s*:/.test(head)) return 'misp';
  }
  throw new InterchangeError(
    `The format of ${fileName} could not be recognised; name it with its extension or choose the format (${IMPORT_FORMATS.map((f) => FORMAT_LABELS[f]).join(', ')})`,
  );
}

/**
 * Reads one file into the interchange graph. Pure: runs in the import worker, where every throw
 * becomes a failed parse that imports nothing.
 */
export function parseInterchange(bytes: Uint8Array, request: ParseRequest): InterchangeGraph {
  const limits = request.limits ?? DEFAULT_PARSE_LIMITS;
  const format = formatOf(bytes, request);
  if (bytes.length === 0) throw new InterchangeError(`${request.fileName} is empty`);
  // XML formats honour their byte order mark and declaration (i2 writes UTF-16, older tools ISO-8859-1).
  const decodeXml = (xml: Uint8Array) => decodeXmlText(xml, request.decodeText);
  switch (format) {
    case 'graphml':
      return decodeGraphml(decodeXml(bytes), limits);
    case 'gexf':
      return decodeGexf(decodeXml(bytes), limits);
    case 'json':
      return decodeCaseJson(parseJsonText(request.decodeText(bytes), limits));
    case 'csv': {
      const decodeAs: DecodeAs =
        request.decodeAs ??
        (() => {
          throw new InterchangeError('This file is not UTF-8, and this reader cannot decode other encodings');
        });
      const { text, ...decoded } = decodeTableBytes(bytes, request.options?.csvMapping?.encoding, request.decodeText, decodeAs);
      return decodeCsv(text, request.fileName, limits, request.options?.csvMapping, decoded);
    }
    case 'xlsx':
      if (!request.workbook) throw new InterchangeError('Excel workbooks are read in the import worker');
      return decodeWorkbook(request.workbook, request.fileName, limits, request.options?.csvMapping);
    case 'misp':
      return decodeMispGalaxy(parseJsonText(request.decodeText(bytes), limits), request.fileName);
    case 'misp-event':
      return decodeMispEvents(parseJsonText(request.decodeText(bytes), limits), request.fileName, limits);
    case 'anx':
      return decodeAnx(decodeXml(bytes), request.fileName, limits);
    case 'mtgx':
      return decodeMtgx(bytes, limits, decodeXml);
    case 'stix':
      return decodeStix(parseJsonText(request.decodeText(bytes), limits), limits);
    default: {
      const unknown: never = format;
      throw new InterchangeError(`Importing ${String(unknown)} files is not supported`);
    }
  }
}

/** JSON text parsed as a record (an object), or an InterchangeError naming what it is instead. */
export function parseJsonObject(text: string, limits: ParseLimits, what: string): Record<string, unknown> {
  const value = parseJsonText(text, limits);
  if (!isRecord(value)) throw new InterchangeError(`This is not a ${what}: the file holds a JSON ${Array.isArray(value) ? 'array' : typeof value}, not an object`);
  return value;
}

/**
 * The format to read: the one asked for, else detected. A zip archive is told by its contents
 * (an Excel workbook and a Maltego graph are both zips), whatever its name says.
 */
export function formatOf(bytes: Uint8Array, request: Pick<ParseRequest, 'fileName' | 'format'>): ImportFormat {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip && (request.format === 'auto' || request.format === 'xlsx' || request.format === 'mtgx')) {
    const kind = zipKind(bytes);
    if (kind !== null) return kind;
  }
  return request.format === 'auto' ? detectFormat(request.fileName, textHead(bytes)) : request.format;
}
