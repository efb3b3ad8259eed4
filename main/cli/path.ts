import { prepareGraph } from '../../app/analysis/analyze';
import { allShortestPaths, shortestPath, type PathResult } from '../../app/analysis/paths';
import type { Entity, Link } from '../../app/domain';
import { linkTypeDefinition } from '../../app/linkTypes';
import { ANALYSIS_HELP, ANALYSIS_OPTIONS, ANALYSIS_USAGE, analysisOptions, checkWeightAttribute, findEntity, networkHeader, readCaseForAnalysis } from './caseAnalysis';
import { parseCommandLine, UsageError, type CliCommand, type Io } from './command';

export const pathCommand: CliCommand = {
  name: 'path',
  usage: `  workbench path <case> <from> <to> [--all] [--json]
${ANALYSIS_USAGE}
      The shortest path between two entities, named by id, label or alias (any
      case); by hops, or with --weighted by evidence (a path over well-graded
      links is shorter). --all lists every shortest path. Read-only.
${ANALYSIS_HELP}`,
  run: path,
};

function path(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandLine(argv, { ...ANALYSIS_OPTIONS, all: { type: 'boolean' } });
  if (positionals.length !== 3) throw new UsageError('expected a case file path, a from entity and a to entity');
  const [casePath, fromName, toName] = positionals as [string, string, string];
  const { filters, graph: graphOptions } = analysisOptions(values);
  const data = readCaseForAnalysis(casePath);
  const from = findEntity(data.entities, fromName);
  const to = findEntity(data.entities, toName);
  checkWeightAttribute(data.links, graphOptions);
  const { graph, filters: report } = prepareGraph(data, filters, graphOptions);
  for (const end of [from, to]) {
    if (!graph.indexOf.has(end.id)) throw new Error(`"${end.label}" is not in the network under these filters (${report.notes.join(' ') || 'it was filtered out'}).`);
  }
  const paths = values.all ? allShortestPaths(graph, from.id, to.id).paths : [shortestPath(graph, from.id, to.id)].filter((p): p is PathResult => p !== null);
  if (paths.length === 0) {
    io.err(`workbench: no path from "${from.label}" to "${to.label}"${graphOptions.directed ? ' following link direction' : ''}.`);
    return 1;
  }
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const links = new Map(data.links.map((l) => [l.id, l]));

  if (values.json) {
    const asJson = (p: PathResult) => ({
      hops: p.hops,
      length: p.length,
      weighted: p.weighted,
      steps: p.steps.map((step) => ({
        id: step.entityId,
        label: entities.get(step.entityId)?.label ?? step.entityId,
        links: step.linkIds.map((id) => {
          const l = links.get(id);
          return { id, type: l?.type ?? null, sourceId: l?.sourceId ?? null, targetId: l?.targetId ?? null };
        }),
      })),
    });
    io.out(JSON.stringify(values.all ? paths.map(asJson) : asJson(paths[0]!), null, 2));
    return 0;
  }
  const lines = networkHeader(`"${data.name}"`, graph.nodeCount, graph.edges.length, graphOptions, report);
  paths.forEach((p, i) => {
    lines.push('');
    const size = `${p.hops} ${p.hops === 1 ? 'hop' : 'hops'}${p.weighted ? `, ${graphOptions.weightAttribute !== undefined ? `"${graphOptions.weightAttribute}"` : 'evidence'} distance ${p.length.toFixed(3)}` : ''}`;
    lines.push(`${paths.length > 1 ? `Path ${i + 1} of ${paths.length}: ` : ''}${from.label} → ${to.label}: ${size}`);
    p.steps.forEach((step, j) => {
      const entity = entities.get(step.entityId);
      if (j > 0) {
        const previous = p.steps[j - 1]!.entityId;
        lines.push(`      ${step.linkIds.map((id) => describeLink(links.get(id), previous)).join(' / ')}`);
      }
      lines.push(`  ${entity ? entity.label : step.entityId}`);
    });
  });
  io.out(lines.join('\n'));
  return 0;
}

/** "─ pledged allegiance to ─▶" when the link points along the path, "◀─ leads ─" when against it. */
function describeLink(link: Link | undefined, previous: Entity['id']): string {
  if (!link) return '─';
  const label = link.label ?? linkTypeDefinition(link.type).label;
  if (!link.directed) return `─ ${label} ─`;
  return link.sourceId === previous ? `─ ${label} ─▶` : `◀─ ${label} ─`;
}
