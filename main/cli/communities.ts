import { prepareGraph } from '../../app/analysis/analyze';
import { louvainCommunities } from '../../app/analysis/communities';
import { ANALYSIS_HELP, ANALYSIS_OPTIONS, ANALYSIS_USAGE, analysisOptions, networkHeader, readCaseForAnalysis } from './caseAnalysis';
import { onePositional, parseCommandLine, UsageError, type CliCommand, type Io } from './command';

export const communitiesCommand: CliCommand = {
  name: 'communities',
  usage: `  workbench communities <case> [--seed N] [--resolution R] [--json]
${ANALYSIS_USAGE}
      Louvain communities (graphology-communities-louvain, seeded: the same case
      gives the same communities) with their modularity, largest first. Read-only.
${ANALYSIS_HELP}`,
  run: communities,
};

function communities(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandLine(argv, { ...ANALYSIS_OPTIONS, seed: { type: 'string' }, resolution: { type: 'string' } });
  const path = onePositional(positionals, 'case file path');
  const seedText = values.seed as string | undefined;
  const resolutionText = values.resolution as string | undefined;
  const seed = seedText === undefined ? 1 : Number(seedText);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, not "${seedText}"`);
  const resolution = resolutionText === undefined ? 1 : Number(resolutionText);
  if (!(resolution > 0 && Number.isFinite(resolution))) throw new UsageError(`--resolution must be a positive number, not "${resolutionText}"`);
  const { filters, graph: graphOptions } = analysisOptions(values);
  const data = readCaseForAnalysis(path);
  const { graph, filters: report } = prepareGraph(data, filters, graphOptions);
  const result = louvainCommunities(graph, { seed, resolution }, report);
  const labels = new Map(data.entities.map((e) => [e.id, e.label]));
  const members = (ids: readonly string[]) => ids.map((id) => ({ id, label: labels.get(id) ?? id }));

  if (values.json) {
    io.out(
      JSON.stringify(
        {
          algorithm: result.algorithm,
          parameters: result.parameters,
          filters: result.filters,
          modularity: result.modularity,
          communities: result.communities.map((c) => ({ index: c.index, size: c.entityIds.length, members: members(c.entityIds) })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const lines = [
    `${result.algorithm}; seed ${seed}, resolution ${resolution}`,
    ...networkHeader(`"${data.name}"`, result.nodeCount, result.edgeCount, graphOptions, report),
    `${result.communities.length} communities, modularity ${result.modularity.toFixed(4)}`,
    '',
  ];
  for (const c of result.communities) {
    const names = members(c.entityIds).map((m) => m.label).sort((a, b) => a.localeCompare(b));
    lines.push(`${String(c.index + 1).padStart(3)}. (${c.entityIds.length}) ${names.join(', ')}`);
  }
  io.out(lines.join('\n'));
  return 0;
}
