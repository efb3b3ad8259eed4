/**
 * Filters over the case before analysis, each a pure function from input to input, and
 * `applyFilters`, which runs them all and reports what it kept so a result can say which network
 * it describes.
 */
import { comparePartialDates, isPartialDate, type Entity, type Link, type PartialDate } from '../domain';
import { formatGrade, meetsGrade, parseGrade, type Grade, type GradedCitation } from './grades';

/** What analysis needs of an entity (a full `Entity` will do). */
export type AnalysisEntity = Pick<Entity, 'id' | 'type' | 'label' | 'startDate' | 'endDate'> & { aliases?: readonly string[] };
/** What analysis needs of a link (a full `Link` will do). */
/** A link as analysis sees it; its attributes are needed only to weigh links by one of them. */
export type AnalysisLink = Pick<Link, 'id' | 'type' | 'sourceId' | 'targetId' | 'directed' | 'startDate' | 'endDate'> & { attributes?: Link['attributes'] };

/** The case as analysis sees it. Without `evidence`, every link is uncited (weighted analyses then treat all links alike). */
export interface AnalysisInput {
  entities: readonly AnalysisEntity[];
  links: readonly AnalysisLink[];
  evidence?: readonly GradedCitation[];
}

export interface AnalysisFilters {
  /** Keep only entities of these types (and the links between them). Absent or empty: all types. */
  entityTypes?: readonly string[];
  /** Keep only links of these types. Absent or empty: all types. */
  linkTypes?: readonly string[];
  /** Keep only links with at least one citation at this grade or better, e.g. "B2"; weights then use only those citations. */
  minGrade?: Grade | string;
  /** Keep only what existed at this date (YYYY, YYYY-MM or YYYY-MM-DD); undated items are kept. */
  asOf?: PartialDate;
  /** With `asOf`: keep what existed at any time from this date to `asOf` (a period, not one day). */
  from?: PartialDate;
}

/** The filters in force and what they left, recorded with every result. */
export interface FilterReport {
  entityTypes: string[] | null;
  linkTypes: string[] | null;
  minGrade: string | null;
  asOf: PartialDate | null;
  /** The start of the period ending at `asOf`, when the filter is a period. */
  from: PartialDate | null;
  entities: { total: number; kept: number };
  links: { total: number; kept: number };
  /** Under `asOf`: entities and links with no dates at all, kept because nothing says they did not exist then. */
  undatedEntitiesKept: number;
  undatedLinksKept: number;
  /** Sentences for the analyst, e.g. "12 undated links kept as of 2016". */
  notes: string[];
}

/**
 * True when an item with this period could exist on `date`: start ≤ date ≤ end, each compared at
 * the precision both sides share ("2017-03-02" is within "2017"; "2016" is before "2017-03-02").
 * A missing start or end leaves that side open.
 */
export function existsOn(item: { startDate: PartialDate | null; endDate: PartialDate | null }, date: PartialDate): boolean {
  if (item.startDate !== null && comparePartialDates(item.startDate, date) > 0) return false;
  if (item.endDate !== null && comparePartialDates(date, item.endDate) > 0) return false;
  return true;
}

function isUndated(item: { startDate: PartialDate | null; endDate: PartialDate | null }): boolean {
  return item.startDate === null && item.endDate === null;
}

/** Links whose two ends are both among `entities`. */
function linksWithin(links: readonly AnalysisLink[], entities: readonly AnalysisEntity[]): AnalysisLink[] {
  const ids = new Set(entities.map((e) => e.id));
  return links.filter((l) => ids.has(l.sourceId) && ids.has(l.targetId));
}

/** Citations still attached to something in the input. */
function evidenceWithin(input: AnalysisInput, entities: readonly AnalysisEntity[], links: readonly AnalysisLink[]): GradedCitation[] | undefined {
  if (!input.evidence) return undefined;
  const ids = new Set([...entities.map((e) => e.id), ...links.map((l) => l.id)]);
  return input.evidence.filter((c) => ids.has(c.target.id));
}

function rebuilt(input: AnalysisInput, entities: readonly AnalysisEntity[], links: readonly AnalysisLink[]): AnalysisInput {
  const evidence = evidenceWithin(input, entities, links);
  return evidence ? { entities, links, evidence } : { entities, links };
}

/** Keeps entities of the given types and the links between them. */
export function filterByEntityType(input: AnalysisInput, types: readonly string[]): AnalysisInput {
  const keep = new Set(types);
  const entities = input.entities.filter((e) => keep.has(e.type));
  return rebuilt(input, entities, linksWithin(input.links, entities));
}

/** Keeps links of the given types; every entity stays. */
export function filterByLinkType(input: AnalysisInput, types: readonly string[]): AnalysisInput {
  const keep = new Set(types);
  return rebuilt(input, input.entities, input.links.filter((l) => keep.has(l.type)));
}

/**
 * Keeps links that have at least one citation at `minimum` or better, and drops every weaker
 * citation, so weights computed afterwards rest only on the evidence that passed. Entities stay
 * (an entity whose links all fail stands alone).
 */
export function filterByMinGrade(input: AnalysisInput, minimum: Grade): AnalysisInput {
  const evidence = (input.evidence ?? []).filter((c) => meetsGrade(c, minimum));
  const supported = new Set(evidence.filter((c) => c.target.kind === 'link').map((c) => c.target.id));
  return { entities: input.entities, links: input.links.filter((l) => supported.has(l.id)), evidence };
}

/**
 * True when an item with this period could exist at some time from `from` to `to`: it started no
 * later than `to` and ended no earlier than `from`, compared at the precision both sides share.
 * With `from` equal to `to` this is `existsOn`: the slider's day is a period of one day.
 */
export function existsDuring(item: { startDate: PartialDate | null; endDate: PartialDate | null }, from: PartialDate, to: PartialDate): boolean {
  if (item.startDate !== null && comparePartialDates(item.startDate, to) > 0) return false;
  if (item.endDate !== null && comparePartialDates(from, item.endDate) > 0) return false;
  return true;
}

/** Keeps the entities and links that existed on `date` (see `existsOn`); undated ones are kept. */
export function filterAsOf(input: AnalysisInput, date: PartialDate): AnalysisInput {
  return filterDuring(input, date, date);
}

/** Keeps the entities and links that existed at some time from `from` to `to` (see `existsDuring`); undated ones are kept. */
export function filterDuring(input: AnalysisInput, from: PartialDate, to: PartialDate): AnalysisInput {
  const entities = input.entities.filter((e) => existsDuring(e, from, to));
  const links = linksWithin(input.links.filter((l) => existsDuring(l, from, to)), entities);
  return rebuilt(input, entities, links);
}

function normaliseGrade(grade: Grade | string): Grade {
  if (typeof grade !== 'string') return grade;
  const parsed = parseGrade(grade);
  if (!parsed) throw new RangeError(`"${grade}" is not an Admiralty grade (a letter A–F and a digit 1–6, e.g. B2).`);
  return parsed;
}

/** Runs every filter in `filters` (type, then grade, then date) and reports what was kept. */
export function applyFilters(input: AnalysisInput, filters: AnalysisFilters = {}): { input: AnalysisInput; report: FilterReport } {
  let out = input;
  const entityTypes = filters.entityTypes && filters.entityTypes.length > 0 ? [...filters.entityTypes] : null;
  const linkTypes = filters.linkTypes && filters.linkTypes.length > 0 ? [...filters.linkTypes] : null;
  const minGrade = filters.minGrade === undefined ? null : normaliseGrade(filters.minGrade);
  const asOf = filters.asOf ?? null;
  if (asOf !== null && !isPartialDate(asOf)) throw new RangeError(`"${asOf}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD).`);
  const from = asOf === null || filters.from === undefined || filters.from === asOf ? null : filters.from;
  if (from !== null && !isPartialDate(from)) throw new RangeError(`"${from}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD).`);
  if (from !== null && asOf !== null && comparePartialDates(from, asOf) > 0) throw new RangeError(`The period starts (${from}) after it ends (${asOf}).`);
  if (entityTypes) out = filterByEntityType(out, entityTypes);
  if (linkTypes) out = filterByLinkType(out, linkTypes);
  if (minGrade) out = filterByMinGrade(out, minGrade);
  const notes: string[] = [];
  let undatedEntitiesKept = 0;
  let undatedLinksKept = 0;
  if (asOf !== null) {
    out = filterDuring(out, from ?? asOf, asOf);
    undatedEntitiesKept = out.entities.filter(isUndated).length;
    undatedLinksKept = out.links.filter(isUndated).length;
    if (undatedEntitiesKept > 0 || undatedLinksKept > 0) {
      notes.push(`${undatedEntitiesKept} undated entities and ${undatedLinksKept} undated links kept ${from === null ? `as of ${asOf}` : `from ${from} to ${asOf}`}: nothing dates them, so they are assumed to exist.`);
    }
  }
  if (minGrade) notes.push(`Only links with a citation graded ${formatGrade(minGrade)} or better; weaker citations ignored.`);
  return {
    input: out,
    report: {
      entityTypes,
      linkTypes,
      minGrade: minGrade ? formatGrade(minGrade) : null,
      asOf,
      from,
      entities: { total: input.entities.length, kept: out.entities.length },
      links: { total: input.links.length, kept: out.links.length },
      undatedEntitiesKept,
      undatedLinksKept,
      notes,
    },
  };
}
