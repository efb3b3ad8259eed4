import type { Attributes, Credibility, LinkStrength, LocationPrecision, PartialDate, Reliability } from '../domain';
import type { TableReading } from './csvMapping';

/**
 * The neutral "interchange graph": what every import codec produces and what the import pipeline
 * previews and commits. Items are keyed by the file's own ids (`key`), not by case ids; the
 * pipeline decides what each becomes (created, merged into an existing entity, or skipped).
 */

export const IMPORT_FORMATS = ['stix', 'graphml', 'gexf', 'csv', 'xlsx', 'misp', 'misp-event', 'mtgx', 'anx', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const EXPORT_FORMATS = ['stix', 'graphml', 'gexf', 'csv', 'xlsx', 'anx', 'mtgx', 'misp-event', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How each format is named to the analyst. */
export const FORMAT_LABELS: Record<ImportFormat | ExportFormat, string> = {
  stix: 'STIX 2.1 bundle',
  graphml: 'GraphML',
  gexf: 'GEXF (Gephi)',
  csv: 'CSV',
  xlsx: 'Excel workbook (.xlsx)',
  misp: 'MISP galaxy cluster file',
  'misp-event': 'MISP event (JSON)',
  mtgx: 'Maltego graph (MTGX)',
  anx: 'i2 Analyst’s Notebook (ANX)',
  json: 'Analyst Workbench case (JSON)',
};

/** The file itself, recorded as a source of everything an import creates. */
export const FILE_SOURCE_KEY = '@file';

export interface GraphEntity {
  key: string;
  /** A UUID to keep when the case does not have it yet (our own exports carry our ids). */
  id?: string;
  type: string;
  label: string;
  aliases: string[];
  description: string | null;
  startDate: PartialDate | null;
  endDate: PartialDate | null;
  attributes: Attributes;
  /** The entity's own colour (`#rrggbb`, lower case) when the file gives one. */
  color?: string;
  position?: { x: number; y: number };
  /** Where the entity is (our own case files carry it): coordinates, or another entity of the file that is a place. */
  location?: GraphLocation;
  /** Where the entity stands in the file, for the file citation's locator ("node n3", "line 12"). */
  locator: string;
}

export interface GraphLocation {
  latitude: number | null;
  longitude: number | null;
  /** The key of the place entity in this graph, when located at a place. */
  placeKey: string | null;
  precision: LocationPrecision;
  /** The id of the graph citation (on this entity) that supports it. */
  citationId: string | null;
}

export interface GraphLink {
  key: string;
  id?: string;
  type: string;
  sourceKey: string;
  targetKey: string;
  directed: boolean;
  label: string | null;
  description: string | null;
  startDate: PartialDate | null;
  endDate: PartialDate | null;
  attributes: Attributes;
  /** i2 strength (confirmed, unconfirmed, tentative) when the file sets one. */
  strength?: LinkStrength;
  locator: string;
}

export interface GraphSource {
  key: string;
  id?: string;
  title: string;
  author: string | null;
  publisher: string | null;
  publishedDate: PartialDate | null;
  reference: string | null;
  reliability: Reliability;
  body: string | null;
  /**
   * This source is the imported file itself, graded (a CSV's rows graded B): the pipeline names it
   * after the file and records the file's hash, and its citations stand for the file's own.
   */
  ofFile?: boolean;
}

export type GraphTarget = { kind: 'entity'; key: string } | { kind: 'link'; key: string };

export interface GraphCitation {
  id?: string;
  /** A source key of this graph, or FILE_SOURCE_KEY for the imported file. */
  sourceKey: string;
  target: GraphTarget;
  quote: string;
  locator: string | null;
  credibility: Credibility;
  comment: string | null;
}

export interface GraphNote {
  id?: string;
  target: { kind: 'case' } | GraphTarget;
  body: string;
  author: string | null;
  credibility: Credibility | null;
}

export interface SkippedItem {
  /** What was not imported, as the analyst would name it: "indicator--c43a… (indicator)". */
  what: string;
  reason: string;
}

export interface InterchangeGraph {
  format: ImportFormat;
  entities: GraphEntity[];
  links: GraphLink[];
  sources: GraphSource[];
  citations: GraphCitation[];
  notes: GraphNote[];
  /** Things the analyst should know that did not stop the import (a STIX 2.0 bundle read leniently). */
  warnings: string[];
  /** Parts of the file that are not imported, and why. */
  skipped: SkippedItem[];
  /**
   * Whether every entity and link gets a citation of the imported file. Our own case JSON carries
   * its citations and sources already, so it says false; every other format says true.
   */
  citeFile: boolean;
  /** Tables (CSV, spreadsheets): the layout, encoding, header, date order and first rows as read, for the preview. */
  table?: TableReading;
}

export function emptyGraph(format: ImportFormat): InterchangeGraph {
  return { format, entities: [], links: [], sources: [], citations: [], notes: [], warnings: [], skipped: [], citeFile: true };
}

/** Where a parse failed: a line and column in text, or a byte offset in raw bytes. */
export type ErrorLocation = { line: number; column: number } | { byteOffset: number } | { record: number };

/**
 * A file that cannot be imported, with a sentence for the analyst. Codecs throw it; the worker
 * turns it into a failed parse (and nothing is imported).
 */
export class InterchangeError extends Error {
  readonly location: ErrorLocation | undefined;
  constructor(message: string, location?: ErrorLocation) {
    super(location ? `${message} (${describeLocation(location)})` : message);
    this.name = 'InterchangeError';
    this.location = location;
  }
}

export function describeLocation(location: ErrorLocation): string {
  if ('byteOffset' in location) return `at byte offset ${location.byteOffset}`;
  if ('record' in location) return `at record ${location.record}`;
  return `at line ${location.line}, column ${location.column}`;
}

/** Limits every codec enforces while it reads untrusted input. */
export interface ParseLimits {
  /** Deepest element / object nesting accepted. */
  maxDepth: number;
  /** Longest single text value (a label, an attribute, a description), in characters. */
  maxValueLength: number;
  /** Most entities plus links in one file. */
  maxItems: number;
  /** Archives (MTGX): most entries, most bytes unpacked in all, and the highest unpacked/packed ratio past 1 MB. */
  maxArchiveEntries: number;
  maxArchiveBytes: number;
  maxCompressionRatio: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxDepth: 100,
  maxValueLength: 1_000_000,
  maxItems: 2_000_000,
  maxArchiveEntries: 10_000,
  maxArchiveBytes: 256_000_000,
  maxCompressionRatio: 100,
};

const ATTRIBUTE_KEY_DENYLIST = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Adds one attribute safely: keys that could reach an object's prototype are dropped (with a
 * warning) rather than assigned, and values are kept only as string, number or boolean.
 */
export function putAttribute(attributes: Attributes, key: string, value: unknown, warnings?: string[]): void {
  const name = key.trim();
  if (name.length === 0) return;
  if (ATTRIBUTE_KEY_DENYLIST.has(name)) {
    warnings?.push(`An attribute named "${name}" was ignored.`);
    return;
  }
  let kept: string | number | boolean;
  if (typeof value === 'string' || typeof value === 'boolean') kept = value;
  else if (typeof value === 'number') {
    if (!Number.isFinite(value)) return;
    kept = value;
  } else if (value === null || value === undefined) return;
  else kept = JSON.stringify(value);
  Object.defineProperty(attributes, name, { value: kept, enumerable: true, writable: true, configurable: true });
}

/** A fresh attribute map (a plain object, filled only through `putAttribute`). */
export function newAttributes(): Attributes {
  return {};
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** A `#rrggbb` colour in lower case, or undefined. */
export function hexColourOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && HEX_COLOUR.test(value.trim()) ? value.trim().toLowerCase() : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
