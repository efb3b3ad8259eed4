import { Classes } from '@blueprintjs/core';
import { UI } from './controls';
import type { FilterReport, MeasureResult, CommunityResult } from '../../app/analysis';
import { describePeriod } from './filterModel';

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function filterLines(report: FilterReport | null): string[] {
  if (!report) return ['No filters.'];
  const lines = [
    `${report.entities.kept} of ${report.entities.total} entities, ${report.links.kept} of ${report.links.total} links.`,
    report.entityTypes ? `Entity types: ${report.entityTypes.filter((t) => t !== '\u0000none').join(', ') || 'none'}.` : 'All entity types.',
    report.linkTypes ? `Link types: ${report.linkTypes.filter((t) => t !== '\u0000none').join(', ') || 'none'}.` : 'All link types.',
    report.minGrade ? `Evidence ${report.minGrade} or better.` : 'All evidence grades.',
    report.asOf ? `${capitalised(describePeriod(report) ?? '')}.` : 'All time.',
    ...report.notes,
  ];
  return lines;
}

/** How a result was computed, so another analyst (or networkx) can reproduce it. */
export function Provenance({ result }: { result: MeasureResult | CommunityResult }) {
  const params = Object.entries(result.parameters).map(([k, v]) => `${k}=${String(v)}`);
  return (
    <details className="analysis-details provenance" data-testid="provenance">
      <summary className={UI.subhead}>How this was computed</summary>
      <dl className={Classes.TEXT_SMALL}>
        <dt className={Classes.TEXT_MUTED}>Algorithm</dt>
        <dd>{result.algorithm}</dd>
        <dt className={Classes.TEXT_MUTED}>Parameters</dt>
        <dd className={Classes.MONOSPACE_TEXT}>{params.join(', ')}</dd>
        {'networkxEquivalent' in result && (
          <>
            <dt className={Classes.TEXT_MUTED}>networkx</dt>
            <dd className={Classes.MONOSPACE_TEXT}>{result.networkxEquivalent}</dd>
          </>
        )}
        <dt className={Classes.TEXT_MUTED}>Network</dt>
        <dd>
          {result.nodeCount} nodes, {result.edgeCount} edges (parallel links merged, as a networkx Graph).
        </dd>
        <dt className={Classes.TEXT_MUTED}>Filters</dt>
        <dd>
          {filterLines(result.filters).map((line) => (
            <div key={line}>{line}</div>
          ))}
        </dd>
      </dl>
    </details>
  );
}
