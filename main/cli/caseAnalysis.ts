/**
 * What the analysis commands (analyze, path, communities) share: reading a case read-only into
 * the analysis input, the filter and graph options, and finding entities by name.
 */
import { isPartialDate, type Entity, type Link } from '../../app/domain';
import { entityTypeDefinition } from '../../app/entityTypes';
import { gradedCitations, parseGrade } from '../../app/analysis/grades';
import type { AnalysisFilters, AnalysisInput, FilterReport } from '../../app/analysis/filters';
import { numericLinkAttributes, type GraphOptions } from '../../app/analysis/graph';
import { openCaseFile } from '../../db/caseFile';
import { caseName } from '../../db/caseMeta';
import { listCitations } from '../../db/citations';
import { listEntities } from '../../db/entities';
import { listLinks } from '../../db/links';
import { listSources } from '../../db/sources';
import { UsageError } from './command';

export interface CaseForAnalysis extends AnalysisInput {
  name: string;
  entities: Entity[];
  links: Link[];
}

/** Reads the entities, links and graded citations of a case, opened read-only. */
export function readCaseForAnalysis(path: string): CaseForAnalysis {
  const store = openCaseFile(path, { readonly: true });
  try {
    const { db } = store;
    return db.transaction(() => ({
      name: caseName(db),
      entities: listEntities(db),
      links: listLinks(db),
      evidence: gradedCitations(listCitations(db), listSources(db)),
    }))();
  } finally {
    store.close();
  }
}

/** The options every analysis command takes, for parseCommandLine. */
export const ANALYSIS_OPTIONS = {
  directed: { type: 'boolean' },
  weighted: { type: 'boolean' },
  weight: { type: 'string' },
  'as-of': { type: 'string' },
  'min-grade': { type: 'string' },
  'entity-types': { type: 'string' },
  'link-types': { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const ANALYSIS_USAGE = `      [--directed] [--weighted | --weight <attribute>] [--as-of YYYY[-MM[-DD]]] [--min-grade B2]
      [--entity-types t1,t2] [--link-types t1,t2]`;

export const ANALYSIS_HELP = `      --directed follows link direction; --weighted weighs links by evidence
      (best citation grade; distance 1/strength). --weight <attribute> weighs
      links by a numeric link attribute as networkx's weight= does: a weight
      for PageRank, eigenvector and degree, the distance itself for paths,
      betweenness and closeness (a link without it weighs 1). --as-of keeps what existed
      then (undated items are kept); --min-grade keeps links with a citation
      at that grade or better.`;

interface AnalysisOptionValues {
  directed?: boolean;
  weighted?: boolean;
  weight?: string;
  'as-of'?: string;
  'min-grade'?: string;
  'entity-types'?: string;
  'link-types'?: string;
}

const list = (text: string | undefined) =>
  text === undefined ? undefined : text.split(',').map((t) => t.trim()).filter((t) => t.length > 0);

/** Filters and graph options from the command line; a malformed value is a usage error. */
export function analysisOptions(values: AnalysisOptionValues): { filters: AnalysisFilters; graph: GraphOptions } {
  const filters: AnalysisFilters = {};
  const asOf = values['as-of'];
  if (asOf !== undefined) {
    if (!isPartialDate(asOf)) throw new UsageError(`--as-of "${asOf}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    filters.asOf = asOf;
  }
  const minGrade = values['min-grade'];
  if (minGrade !== undefined) {
    const grade = parseGrade(minGrade);
    if (!grade) throw new UsageError(`--min-grade "${minGrade}" is not an Admiralty grade (A–F then 1–6, e.g. B2)`);
    filters.minGrade = grade;
  }
  const entityTypes = list(values['entity-types']);
  if (entityTypes) filters.entityTypes = entityTypes;
  const linkTypes = list(values['link-types']);
  if (linkTypes) filters.linkTypes = linkTypes;
  const weight = values.weight?.trim();
  if (weight !== undefined) {
    if (weight === '') throw new UsageError('--weight needs the name of a numeric link attribute');
    if (values.weighted) throw new UsageError('--weighted (by evidence) and --weight <attribute> are two different weights; choose one');
    return { filters, graph: { directed: values.directed ?? false, weighted: true, weightAttribute: weight } };
  }
  return { filters, graph: { directed: values.directed ?? false, weighted: values.weighted ?? false } };
}

/**
 * Refuses a weight attribute that no link of the case holds as a number, naming the ones it could
 * be (a misspelt attribute would otherwise weigh every link 1 without a word).
 */
export function checkWeightAttribute(links: readonly Link[], graph: GraphOptions): void {
  const attribute = graph.weightAttribute;
  if (attribute === undefined) return;
  const offered = numericLinkAttributes(links);
  if (offered.some((a) => a.name === attribute)) return;
  const names = offered.map((a) => `"${a.name}"`).join(', ');
  throw new Error(`no link has a numeric attribute "${attribute}"; ${names === '' ? 'the links of this case have no numeric attributes' : `numeric link attributes: ${names}`}.`);
}

const describe = (e: Entity) => `"${e.label}" (${entityTypeDefinition(e.type).label.toLowerCase()}, id ${e.id})`;

/**
 * The entity a name means: its id, label or one of its aliases, ignoring case. Throws a sentence
 * listing the candidates when the name is unknown or names several entities.
 */
export function findEntity(entities: readonly Entity[], name: string): Entity {
  const key = name.trim().toLowerCase();
  const byId = entities.find((e) => e.id.toLowerCase() === key);
  if (byId) return byId;
  const exact = entities.filter((e) => e.label.toLowerCase() === key || e.aliases.some((a) => a.toLowerCase() === key));
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) {
    throw new Error(`"${name}" is ambiguous; it names ${exact.length} entities:\n${exact.map((e) => `  ${describe(e)}`).join('\n')}\nUse the id.`);
  }
  const partial = entities.filter((e) => e.label.toLowerCase().includes(key) || e.aliases.some((a) => a.toLowerCase().includes(key)));
  if (partial.length === 0) throw new Error(`no entity is called "${name}" (by id, label or alias).`);
  const shown = partial.slice(0, 10);
  throw new Error(
    `no entity is called "${name}"; did you mean:\n${shown.map((e) => `  ${describe(e)}`).join('\n')}${partial.length > shown.length ? `\n  … and ${partial.length - shown.length} more` : ''}`,
  );
}

/** The lines that say which network a result describes: size, kind, and the filters in force. */
export function networkHeader(caseLabel: string, nodeCount: number, edgeCount: number, graph: GraphOptions, report: FilterReport | null): string[] {
  const lines = [
    `${caseLabel}: ${nodeCount} entities, ${edgeCount} ${graph.directed ? 'arcs' : 'edges'}; ${graph.directed ? 'directed' : 'undirected'}, ${graph.weightAttribute !== undefined ? `weighted by the link attribute "${graph.weightAttribute}" (its value is the distance)` : graph.weighted ? 'weighted by evidence (distance 1/strength)' : 'unweighted'}`,
  ];
  if (!report) return lines;
  const words: string[] = [];
  if (report.asOf) words.push(`as of ${report.asOf}`);
  if (report.minGrade) words.push(`evidence ${report.minGrade} or better`);
  if (report.entityTypes) words.push(`entity types ${report.entityTypes.join(', ')}`);
  if (report.linkTypes) words.push(`link types ${report.linkTypes.join(', ')}`);
  if (words.length > 0) lines.push(`Filters: ${words.join('; ')} (kept ${report.entities.kept}/${report.entities.total} entities, ${report.links.kept}/${report.links.total} links)`);
  for (const note of report.notes) lines.push(`Note: ${note}`);
  return lines;
}
