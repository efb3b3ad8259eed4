import type { Attributes, Credibility, LocationPrecision, PartialDate, Reliability } from '../domain';
import type { GazetteerId, GazetteerPlace } from './gazetteer';

/**
 * A case written by hand as data: the shipped sample cases. Items are keyed by a stable slug
 * (`jnim`, `iyad-ag-ghali`); the store derives UUIDv5 ids from the slugs so every fresh copy of
 * the sample has the same ids.
 */
export interface SampleCase {
  /** Slug for `workbench init --sample <slug>`. */
  slug: string;
  name: string;
  description: string;
  source: SampleSource;
  entities: SampleEntity[];
  links: SampleLink[];
  /** Places located from gazetteers, each gazetteer a source of the case (app/samples/gazetteer.ts). */
  gazetteer?: { places: readonly GazetteerPlace[]; sources: Record<GazetteerId, SampleSource> };
}

export interface SampleSource {
  title: string;
  author: string | null;
  publisher: string | null;
  publishedDate: PartialDate | null;
  reference: string | null;
  reliability: Reliability;
  /** Why the source got its reliability grade (kept as a note on the case). */
  reliabilityRationale: string;
  body: string;
}

export interface SampleCitation {
  /** Verbatim from the source body, up to whitespace. */
  quote: string;
  credibility: Credibility;
  comment?: string;
}

export interface SampleEntity {
  key: string;
  type: string;
  label: string;
  aliases?: string[];
  description?: string;
  startDate?: PartialDate;
  endDate?: PartialDate;
  attributes?: Attributes;
  citations: SampleCitation[];
  /**
   * Located at a place of the sample (which the gazetteer locates), supported by the entity's
   * own citation at that index: the article says where it is.
   */
  location?: { place: string; precision: LocationPrecision; citation: number };
}

export interface SampleLink {
  key: string;
  type: string;
  source: string;
  target: string;
  /** Defaults to the link type's own direction. */
  directed?: boolean;
  label?: string;
  description?: string;
  startDate?: PartialDate;
  endDate?: PartialDate;
  attributes?: Attributes;
  citations: SampleCitation[];
}

export interface QuoteLocation {
  /** Offsets into the source body, end exclusive. */
  start: number;
  end: number;
  /** 1-based paragraph number, paragraphs being separated by blank lines. */
  paragraph: number;
}

/**
 * Finds `quote` in `body`, treating every run of whitespace as equal to any other
 * (articles come with hard wraps and doubled spaces). Returns null when it does not stand there.
 */
export function locateQuote(body: string, quote: string): QuoteLocation | null {
  const words = quote.trim().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'u');
  const match = pattern.exec(body);
  if (!match) return null;
  const start = match.index;
  const before = body.slice(0, start);
  const paragraph = before.split(/\n\s*\n/).length;
  return { start, end: start + match[0].length, paragraph };
}

/** The locator string stored with a citation: "para. 3, chars 1024–1130". */
export function formatLocator(location: QuoteLocation): string {
  return `para. ${location.paragraph}, chars ${location.start}–${location.end}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
