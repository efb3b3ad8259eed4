import { HTMLSelect, Tag } from '@blueprintjs/core';
import { useState } from 'react';
import { useApp } from '../appContext';
import type { PartitionMethod } from './analysisTasks';
import { useStore } from '../store';
import { Provenance } from './Provenance';
import { communityColour } from './overlayModel';
import { useAnalysis } from './useAnalysis';
import { BUTTON } from '../ui/buttons';
import { UI } from './controls';

const METHOD_NOTES: Record<PartitionMethod, string> = {
  louvain: 'Louvain modularity on the network as filtered, direction ignored; seeded, so the same case gives the same communities.',
  components: 'Connected components: the separate webs of the network as filtered (entities with no path between them), direction ignored.',
  strong: 'Strongly connected components: entities that reach each other following the links’ direction (undirected links count both ways).',
  type: 'Entity types: one group per type on the network as filtered, to read a large chart as a few group nodes.',
};

const RUN_LABEL: Record<PartitionMethod, string> = { louvain: 'Find communities', components: 'Find components', strong: 'Find components', type: 'Group by type' };

/** Louvain communities or connected components: colour the chart by group, collapse one into a group node and back. */
export function CommunitiesSection() {
  const { analysis, store, selectAndFocus } = useApp();
  const chart = useStore(store, (s) => s.chart);
  const result = useAnalysis((s) => s.communities);
  const collapsed = useAnalysis((s) => s.collapsed);
  const running = useAnalysis((s) => s.run.status === 'running');
  const weighted = useAnalysis((s) => s.choice.weighted);
  const labels = new Map((chart?.entities ?? []).map((e) => [e.id, e.label]));
  const [method, setMethod] = useState<PartitionMethod>('louvain');
  const isLouvain = !result || result.parameters.method === undefined;
  const byType = result?.parameters.method === 'entity type';
  const count = result?.communities.length ?? 0;
  const noun = isLouvain ? (count === 1 ? 'community' : 'communities') : byType ? (count === 1 ? 'type' : 'types') : count === 1 ? 'component' : 'components';

  return (
    <div className="analysis-section">
      <label className="field">
        <span className={UI.fieldName}>Group by</span>
        <HTMLSelect fill aria-label="Group by" value={method} onChange={(e) => setMethod(e.target.value as PartitionMethod)}>
          <option value="louvain">Communities (Louvain)</option>
          <option value="components">Connected components</option>
          <option value="strong">Strongly connected components</option>
          <option value="type">Entity type</option>
        </HTMLSelect>
      </label>
      <p className={UI.muted}>
        {METHOD_NOTES[method]}
        {weighted && method === 'louvain' ? ' Weighted by evidence.' : ''}
      </p>
      <div className="button-row">
        <button type="button" className={BUTTON.primary} disabled={running} onClick={() => void analysis.runCommunities(method)}>
          {RUN_LABEL[method]}
        </button>
        {result && (
          <button type="button" className={BUTTON.plain} onClick={() => analysis.clearCommunities()}>
            Clear
          </button>
        )}
      </div>
      {result && (
        <>
          <p className={UI.note}>
            {count} {noun}
            {isLouvain ? `, modularity ${result.modularity.toFixed(3)}` : `, the largest of ${(result.communities[0]?.entityIds.length ?? 0).toLocaleString('en')} entities`}.
          </p>
          <ul className="community-list" data-testid="community-list">
            {result.communities.map((c) => {
              const isCollapsed = collapsed.includes(c.index);
              const names = c.entityIds.map((id) => labels.get(id) ?? id);
              return (
                <li key={c.index}>
                  <span className="swatch" style={{ background: communityColour(c.index) }} aria-hidden="true" />
                  <button type="button" className={`${UI.link} community-name`} title={names.length > 50 ? `${names.slice(0, 50).join(', ')} and ${(names.length - 50).toLocaleString('en')} more` : names.join(', ')} onClick={() => c.entityIds[0] && selectAndFocus({ kind: 'entity', id: c.entityIds[0] })}>
                    <span className={UI.fillText}>
                      {c.index + 1}. {c.name ?? names.slice(0, 3).join(', ')}
                      {c.name === undefined && names.length > 3 ? '…' : ''}
                    </span>
                  </button>
                  <Tag minimal round className="section-count">
                    {c.entityIds.length.toLocaleString('en')}
                  </Tag>
                  {c.entityIds.length > 1 && (
                    <button type="button" className={BUTTON.small} onClick={() => analysis.setCollapsed(c.index, !isCollapsed)}>
                      {isCollapsed ? 'Expand' : 'Collapse'}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          <Provenance result={result} />
        </>
      )}
    </div>
  );
}
