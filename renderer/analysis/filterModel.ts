/**
 * The chart filters as the analyst sets them (what is hidden) turned into the analysis filters of
 * app/analysis, so the chart hides exactly what the analysis leaves out: one `applyFilters` decides both.
 */
import { applyFilters, type AnalysisFilters, type AnalysisInput, type FilterReport, type GradedCitation } from '../../app/analysis';
import type { ChartData } from '../../app/contract';
import { comparePartialDates, isPartialDate, type PartialDate } from '../../app/domain';
import type { ViewFilters } from '../../app/views';

type ChartCase = Pick<ChartData, 'entities' | 'links'>;

/** A type id no entity or link has: keeps nothing of that kind (an empty list would mean "all"). */
const NOTHING = '\u0000none';

export function filtersActive(filters: ViewFilters): boolean {
  return filters.hiddenEntityTypes.length > 0 || filters.hiddenLinkTypes.length > 0 || filters.minGrade !== null || filters.asOf !== null;
}

/** The case as analysis sees it. Without evidence, grade filters and weights cannot apply. */
export function analysisInput(chart: ChartCase, evidence: readonly GradedCitation[] | null): AnalysisInput {
  return evidence ? { entities: chart.entities, links: chart.links, evidence } : { entities: chart.entities, links: chart.links };
}

export function typesPresent(chart: ChartCase): { entityTypes: string[]; linkTypes: string[] } {
  return {
    entityTypes: [...new Set(chart.entities.map((e) => e.type))].sort(),
    linkTypes: [...new Set(chart.links.map((l) => l.type))].sort(),
  };
}

/** The filters for `applyFilters`: the types present minus the hidden ones. */
export function toAnalysisFilters(chart: ChartCase, filters: ViewFilters): AnalysisFilters {
  const present = typesPresent(chart);
  const keep = (all: string[], hidden: readonly string[]) => {
    if (hidden.length === 0) return undefined;
    const hiddenSet = new Set(hidden);
    const kept = all.filter((t) => !hiddenSet.has(t));
    return kept.length > 0 ? kept : [NOTHING];
  };
  const out: AnalysisFilters = {};
  const entityTypes = keep(present.entityTypes, filters.hiddenEntityTypes);
  const linkTypes = keep(present.linkTypes, filters.hiddenLinkTypes);
  if (entityTypes) out.entityTypes = entityTypes;
  if (linkTypes) out.linkTypes = linkTypes;
  if (filters.minGrade !== null) out.minGrade = filters.minGrade;
  if (filters.asOf !== null) out.asOf = filters.asOf;
  if (filters.asOf !== null && filters.from !== null) out.from = filters.from;
  return out;
}

export interface VisibleNetwork {
  entityIds: ReadonlySet<string>;
  linkIds: ReadonlySet<string>;
  report: FilterReport;
}

/**
 * What the chart shows under the filters, or null when nothing is filtered. A grade filter needs
 * the evidence: until it has loaded, the grade filter is left out (and the report says so).
 */
export function visibleNetwork(chart: ChartCase, evidence: readonly GradedCitation[] | null, filters: ViewFilters): VisibleNetwork | null {
  const effective = evidence === null ? { ...filters, minGrade: null } : filters;
  if (!filtersActive(effective)) return null;
  const { input, report } = applyFilters(analysisInput(chart, evidence), toAnalysisFilters(chart, effective));
  return { entityIds: new Set(input.entities.map((e) => e.id)), linkIds: new Set(input.links.map((l) => l.id)), report };
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The "as of" slider's stops: the last day of every month from the earliest date in the case to
 * the latest (a year-only date counts from January of that year to December). Empty when nothing is dated.
 */
export function asOfSteps(chart: ChartCase): PartialDate[] {
  let earliest: PartialDate | null = null;
  let latest: PartialDate | null = null;
  for (const item of [...chart.entities, ...chart.links]) {
    for (const date of [item.startDate, item.endDate]) {
      if (date === null || !isPartialDate(date)) continue;
      if (earliest === null || comparePartialDates(date, earliest) < 0 || (comparePartialDates(date, earliest) === 0 && date.length < earliest.length)) earliest = date;
      if (latest === null || comparePartialDates(date, latest) > 0 || (comparePartialDates(date, latest) === 0 && date.length < latest.length)) latest = date;
    }
  }
  if (earliest === null || latest === null) return [];
  const startYear = Number(earliest.slice(0, 4));
  const startMonth = earliest.length >= 7 ? Number(earliest.slice(5, 7)) : 1;
  const endYear = Number(latest.slice(0, 4));
  const endMonth = latest.length >= 7 ? Number(latest.slice(5, 7)) : 12;
  const steps: PartialDate[] = [];
  let year = startYear;
  let month = startMonth;
  while ((year < endYear || (year === endYear && month <= endMonth)) && steps.length < 12 * 500) {
    steps.push(lastDayOfMonth(year, month));
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return steps;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The date filter in words, or null when there is none: "as of 31 Dec 2016" (the slider's day) or
 * "from 1 Jan 2016 to 31 Dec 2016" (a period brushed on the timeline).
 */
export function describePeriod(filters: { asOf: PartialDate | null; from: PartialDate | null }): string | null {
  if (filters.asOf === null) return null;
  if (filters.from === null || filters.from === filters.asOf) return `as of ${formatAsOf(filters.asOf)}`;
  return `from ${formatAsOf(filters.from)} to ${formatAsOf(filters.asOf)}`;
}

/** "31 Mar 2017" for a slider stop. */
export function formatAsOf(date: PartialDate): string {
  const [y, m, d] = date.split('-');
  if (m === undefined) return y ?? date;
  const month = MONTH_NAMES[Number(m) - 1] ?? m;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}
