import { Callout, Classes } from '@blueprintjs/core';
import { useApp } from '../appContext';
import { runCommand } from '../commands';
import { useStore } from '../store';
import { useAnalysis } from './useAnalysis';
import { WeightAttributeField } from './WeightAttributeField';
import { BUTTON } from '../ui/buttons';
import { Check } from '../ui/Check';
import { UI } from './controls';

/** Path questions about the selected entities; the answer is highlighted and the rest dimmed. */
export function PathsSection() {
  const { analysis, store, commands } = useApp();
  const selection = useStore(store, (s) => s.selection);
  const chart = useStore(store, (s) => s.chart);
  const highlight = useAnalysis((s) => s.highlight);
  const weighted = useAnalysis((s) => s.pathWeighted);
  const weightAttribute = useAnalysis((s) => s.pathWeightAttribute);
  const hops = useAnalysis((s) => s.neighbourhoodHops);
  const running = useAnalysis((s) => s.run.status === 'running');
  const ids = selection.filter((s) => s.kind === 'entity').map((s) => s.id);
  const labels = new Map((chart?.entities ?? []).map((e) => [e.id, e.label]));
  const names = ids.map((id) => labels.get(id) ?? id);
  const run = (id: string) => void runCommand(id, commands);

  return (
    <div className="analysis-section">
      <p className={UI.note} data-testid="path-selection">
        {ids.length === 0
          ? 'Select entities on the chart: click one, Shift-click more.'
          : `Selected: ${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''}.`}
      </p>
      <div className="toggles" role="group">
        <Check type="radio" name="path-weight" checked={!weighted && weightAttribute === null} onChange={() => analysis.store.setState({ pathWeighted: false, pathWeightAttribute: null })}>
          By hops
        </Check>
        <Check type="radio" name="path-weight" title="Each link's length is 1/strength of its best citation: a path over well-evidenced links is shorter" checked={weighted && weightAttribute === null} onChange={() => analysis.store.setState({ pathWeighted: true, pathWeightAttribute: null })}>
          By evidence
        </Check>
      </div>
      <WeightAttributeField
        label="By link attribute"
        title="Each link's length is the value of this numeric attribute (networkx's weight=); a link without it counts 1."
        value={weightAttribute}
        onChange={(pathWeightAttribute) => analysis.store.setState(pathWeightAttribute === null ? { pathWeightAttribute } : { pathWeightAttribute, pathWeighted: false })}
      />
      <div className="button-grid">
        <button type="button" className={BUTTON.plain} disabled={running || ids.length !== 2} onClick={() => run('analysis.shortestPath')}>
          Shortest path
        </button>
        <button type="button" className={BUTTON.plain} disabled={running || ids.length !== 2} onClick={() => run('analysis.allShortestPaths')}>
          All shortest paths
        </button>
        <button type="button" className={BUTTON.plain} disabled={running || ids.length < 3} onClick={() => run('analysis.connectingNetwork')}>
          Connecting network
        </button>
        <span className="neighbourhood">
          <button type="button" className={BUTTON.plain} disabled={running || ids.length < 1} onClick={() => run('analysis.neighbourhood')}>
            Neighbourhood
          </button>
          <label className="inline-field">
            <input
              type="number"
              className={UI.number}
              style={{ width: 56 }}
              aria-label="Hops"
              min={1}
              max={10}
              value={hops}
              onChange={(e) => analysis.store.setState({ neighbourhoodHops: Math.max(1, Math.min(10, Math.round(Number(e.target.value) || 1))) })}
            />
            <span className={UI.fieldName}>hops</span>
          </label>
        </span>
      </div>
      {highlight && (
        <Callout intent="warning" compact title={highlight.title} className={Classes.TEXT_SMALL} data-testid="highlight" role="status">
          <p>{highlight.detail}</p>
          {highlight.route.length > 0 && (
            <ol className={`route ${Classes.LIST}`}>
              {highlight.route.map((name, i) => (
                <li key={`${i}-${name}`}>{name}</li>
              ))}
            </ol>
          )}
          <button type="button" className={BUTTON.small} onClick={() => analysis.clearHighlight()}>
            Clear highlight
          </button>
        </Callout>
      )}
    </div>
  );
}
