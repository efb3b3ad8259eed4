import type { MarkingChoice } from './export/marking';
/**
 * The domain model shared by every process. Pure types and small pure helpers: no I/O.
 */

/** Admiralty (NATO) source reliability: A completely reliable … F cannot be judged. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY_GRADES)[number];

/** Admiralty information credibility: 1 confirmed … 6 cannot be judged. */
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY_GRADES)[number];

export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

export const CREDIBILITY_LABELS: Record<Credibility, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

/**
 * A date with the precision the evidence gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * Stored and exchanged as that string, so "2017" never turns into "2017-01-01".
 */
export type PartialDate = string;
export type DatePrecision = 'year' | 'month' | 'day';

/**
 * How sure a link is, in the i2 convention: drawn solid, dashed and dotted. Derived from the link's
 * citations (app/linkStrength.ts) unless the analyst sets it by hand.
 */
export const LINK_STRENGTHS = ['confirmed', 'unconfirmed', 'tentative'] as const;
export type LinkStrength = (typeof LINK_STRENGTHS)[number];

export type AttributeValue = string | number | boolean;
export type Attributes = Record<string, AttributeValue>;

/** How exactly a location is known: a point, or somewhere in a city, a region or a country. */
export const LOCATION_PRECISIONS = ['point', 'city', 'region', 'country'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

/**
 * Where an entity is: its own latitude and longitude (WGS 84 degrees), or the place entity it is
 * at (which carries the coordinates), never both. A claim like any other: `citationId` names the
 * entity's citation that supports it (null when none does yet).
 */
export type EntityLocation =
  | { latitude: number; longitude: number; placeId: null; precision: LocationPrecision; citationId: string | null }
  | { latitude: null; longitude: null; placeId: string; precision: LocationPrecision; citationId: string | null };

export interface Entity {
  id: string;
  /** An id from the entity-type catalogue (app/entityTypes.ts); unknown ids draw as "other". */
  type: string;
  label: string;
  aliases: string[];
  description: string | null;
  startDate: PartialDate | null;
  endDate: PartialDate | null;
  attributes: Attributes;
  /** The analyst's colour for this entity (`#rrggbb`, lower case); null draws the type's colour. */
  color: string | null;
  /** Where it is (schema 80), or null when the case does not say. */
  location: EntityLocation | null;
  createdAt: string;
  updatedAt: string;
}

export interface Link {
  id: string;
  /** An id from the link-type catalogue (app/linkTypes.ts). */
  type: string;
  sourceId: string;
  targetId: string;
  directed: boolean;
  /** Shown on the chart instead of the type's label when set. */
  label: string | null;
  description: string | null;
  startDate: PartialDate | null;
  endDate: PartialDate | null;
  attributes: Attributes;
  /** Strength set by hand; null means derived from the citations' grades (app/linkStrength.ts). */
  strength: LinkStrength | null;
  createdAt: string;
  updatedAt: string;
}

export interface Source {
  id: string;
  title: string;
  author: string | null;
  publisher: string | null;
  publishedDate: PartialDate | null;
  /** Where the document can be found again: a URL, a library reference, a file name. */
  reference: string | null;
  reliability: Reliability;
  /** The document's full text when the case holds it (the evidence the quotes come from). */
  body: string | null;
  createdAt: string;
}

export type CitationTarget = { kind: 'entity'; id: string } | { kind: 'link'; id: string };

export interface Citation {
  id: string;
  sourceId: string;
  target: CitationTarget;
  /** The passage, verbatim from the source. */
  quote: string;
  /** Where the quote stands in the source, e.g. "para. 3, chars 1024-1130". */
  locator: string | null;
  credibility: Credibility;
  comment: string | null;
  createdAt: string;
}

export type NoteTarget = { kind: 'case' } | { kind: 'entity'; id: string } | { kind: 'link'; id: string };

export interface Note {
  id: string;
  target: NoteTarget;
  /** Markdown, rendered as text-only (no HTML). */
  body: string;
  author: string | null;
  credibility: Credibility | null;
  createdAt: string;
  updatedAt: string;
}

export interface NodePosition {
  entityId: string;
  x: number;
  y: number;
}

export interface Viewport {
  zoom: number;
  panX: number;
  panY: number;
}

export interface Chart {
  id: string;
  name: string;
  viewport: Viewport | null;
}

/** A text callout on a chart. Its body is Markdown, shown as text (no HTML runs). */
export interface Annotation {
  id: string;
  chartId: string;
  /** Tied to this entity when set: (x, y) is then the offset from the entity's node centre. */
  entityId: string | null;
  /** Chart (model) coordinates, or the offset from the tied entity. */
  x: number;
  y: number;
  text: string;
  createdAt: string;
  updatedAt: string;
}

/** One entity merged into another: what was absorbed, into what, when, and what moved with it. */
export interface MergeRecord {
  id: string;
  /** The entity that remains (it may since have been deleted: the record is history). */
  survivorId: string;
  survivorLabel: string;
  absorbedId: string;
  absorbedLabel: string;
  /** The absorbed entity as it stood just before the merge. */
  absorbed: Entity;
  /** What was re-pointed from the absorbed entity to the survivor. */
  moved: { links: number; citations: number; notes: number; annotations: number; aliases: number };
  mergedAt: string;
}

/** A citation with what the inspector needs of its source. */
export interface CitationWithSource extends Citation {
  source: Pick<Source, 'id' | 'title' | 'author' | 'publisher' | 'publishedDate' | 'reference' | 'reliability'>;
}

export interface CaseCounts {
  entities: number;
  links: number;
  sources: number;
  citations: number;
  notes: number;
}

export interface CaseInfo {
  path: string;
  name: string;
  schemaVersion: number;
  counts: CaseCounts;
  /** The case's handling marking: a banner at the top and bottom of the window, the default in image exports. */
  marking: MarkingChoice;
  /**
   * Why the case cannot be changed now, or null when it can: a large case is read-only while its
   * file is checked in the background, a damaged one stays so.
   */
  readOnly: { reason: string; checking: boolean } | null;
}

/** The whole case as the JSON export writes it (`workbench export --format json`). */
export interface CaseDocument {
  format: 'analyst-workbench-case';
  formatVersion: 1;
  name: string;
  exportedAt: string;
  entities: Entity[];
  links: Link[];
  sources: Source[];
  citations: (Omit<Citation, 'target'> & { entityId: string | null; linkId: string | null })[];
  notes: Note[];
  charts: (Chart & { positions: NodePosition[] })[];
  /** Canvas callouts of every chart. */
  annotations: Annotation[];
  /** Every merge of two entities, oldest first. */
  mergeRecords: MergeRecord[];
}

const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** True when `value` is a valid YYYY, YYYY-MM or YYYY-MM-DD date (calendar-checked). */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  if (m[3] === undefined) return true;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export function datePrecision(value: PartialDate): DatePrecision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Compares two partial dates at the precision they share: "2017" and "2017-03" compare equal. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** "2017", "March 2017", "2 March 2017": the date at the precision it was given. */
export function formatPartialDate(value: PartialDate): string {
  const [y, m, d] = value.split('-');
  if (m === undefined) return y ?? value;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** "2017 – present", "March 2017 – 2019", "2013": a period for display. */
export function formatPeriod(start: PartialDate | null, end: PartialDate | null): string | null {
  if (start === null && end === null) return null;
  if (start !== null && end === null) return `${formatPartialDate(start)} –`;
  if (start === null && end !== null) return `– ${formatPartialDate(end)}`;
  if (start === end) return formatPartialDate(start as string);
  return `${formatPartialDate(start as string)} – ${formatPartialDate(end as string)}`;
}

/** The Admiralty grade of a citation, e.g. "B2". */
export function admiraltyGrade(reliability: Reliability, credibility: Credibility): string {
  return `${reliability}${credibility}`;
}
