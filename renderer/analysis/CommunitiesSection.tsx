import { useApp } from '../appContext';
import { useStore } from '../store';
import { Provenance } from './Provenance';
import { communityColour } from './overlayModel';
import { useAnalysis } from './useAnalysis';

/** Louvain communities: colour the chart by community, collapse one into a group node and back. */
export function CommunitiesSection() {
  const { analysis, store, selectAndFocus } = useApp();
  const chart = useStore(store, (s) => s.chart);
  const result = useAnalysis((s) => s.communities);
  const collapsed = useAnalysis((s) => s.collapsed);
  const running = useAnalysis((s) => s.run.status === 'running');
  const weighted = useAnalysis((s) => s.choice.weighted);
  const labels = new Map((chart?.entities ?? []).map((e) => [e.id, e.label]));

  return (
    <div className="analysis-section">
      <p className="analysis-note muted">
        Louvain modularity on the network as filtered, direction ignored{weighted ? ', weighted by evidence' : ''}; seeded, so the same case gives the same communities.
      </p>
      <div className="button-row">
        <button type="button" className="button primary" disabled={running} onClick={() => void analysis.runCommunities()}>
          Find communities
        </button>
        {result && (
          <button type="button" className="button" onClick={() => analysis.clearCommunities()}>
            Clear
          </button>
        )}
      </div>
      {result && (
        <>
          <p className="analysis-note">
            {result.communities.length} communities, modularity {result.modularity.toFixed(3)}.
          </p>
          <ul className="community-list" data-testid="community-list">
            {result.communities.map((c) => {
              const isCollapsed = collapsed.includes(c.index);
              const names = c.entityIds.map((id) => labels.get(id) ?? id);
              return (
                <li key={c.index}>
                  <span className="swatch" style={{ background: communityColour(c.index) }} aria-hidden="true" />
                  <button type="button" className="link-button community-name" title={names.join(', ')} onClick={() => c.entityIds[0] && selectAndFocus({ kind: 'entity', id: c.entityIds[0] })}>
                    {c.index + 1}. {names.slice(0, 3).join(', ')}
                    {names.length > 3 ? '…' : ''}
                  </button>
                  <span className="section-count">{c.entityIds.length}</span>
                  {c.entityIds.length > 1 && (
                    <button type="button" className="button small" onClick={() => analysis.setCollapsed(c.index, !isCollapsed)}>
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
