import { Classes, HTMLSelect, Tag } from '@blueprintjs/core';
import { useMemo } from 'react';
import { MEASURES, allGrades, formatGrade, type MeasureName, type RankedNode, type SensitivityRow } from '../../app/analysis';
import { useApp } from '../appContext';
import { useStore } from '../store';
import { MEASURE_LABELS, type MeasureChoice } from './analysisState';
import { Provenance } from './Provenance';
import { useAnalysis } from './useAnalysis';
import { WeightAttributeField } from './WeightAttributeField';
import { formatValue } from './overlayModel';
import { visibleNetwork } from './filterModel';
import { VirtualTable, type Column } from './VirtualTable';
import { BUTTON } from '../ui/buttons';
import { Check } from '../ui/Check';
import { UI } from './controls';

const HAS_NORMALISATION: readonly MeasureName[] = ['degree', 'betweenness'];

/** Measure picker, Run, the ranking table, most connected and grade sensitivity. */
export function MeasuresSection() {
  const { analysis, selectAndFocus } = useApp();
  const choice = useAnalysis((s) => s.choice);
  const measure = useAnalysis((s) => s.measure);
  const running = useAnalysis((s) => s.run.status === 'running');
  const selection = useStore(useApp().store, (s) => s.selection);
  const set = (patch: Partial<MeasureChoice>) => analysis.store.setState((s) => ({ choice: { ...s.choice, ...patch } }));
  const activeId = selection.length === 1 ? (selection[0]?.id ?? null) : null;

  const columns: Column<RankedNode>[] = [
    { key: 'rank', label: 'Rank', width: '44px', align: 'right', render: (r) => r.rank, sortValue: (r) => r.rank },
    { key: 'label', label: 'Entity', width: 'minmax(0, 1fr)', render: (r) => r.label, sortValue: (r) => r.label },
    { key: 'value', label: measure ? MEASURE_LABELS[measure.result.measure] : 'Value', width: '96px', align: 'right', render: (r) => formatValue(r.value), sortValue: (r) => r.value },

  ];
  const errors = measure?.result.standardError;
  if (errors) {
    columns.push({ key: 'error', label: '± s.e.', width: '76px', align: 'right', render: (r) => `±${formatValue(errors[r.id] ?? 0)}`, sortValue: (r) => errors[r.id] ?? 0 });
  }

  return (
    <div className="analysis-section">
      <form
        className="analysis-form"
        onSubmit={(e) => {
          e.preventDefault();
          void analysis.runMeasure();
        }}
      >
        <label className="field">
          <span className={UI.fieldName}>Measure</span>
          <HTMLSelect fill aria-label="Measure" value={choice.measure} onChange={(e) => set({ measure: e.target.value as MeasureName })}>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {MEASURE_LABELS[m]}
              </option>
            ))}
          </HTMLSelect>
        </label>
        {choice.measure === 'degree' && (
          <label className="field">
            <span className={UI.fieldName}>Degree</span>
            <HTMLSelect fill aria-label="Degree" value={choice.directed ? choice.degreeMode : 'total'} disabled={!choice.directed} onChange={(e) => set({ degreeMode: e.target.value as MeasureChoice['degreeMode'] })}>
              <option value="total">Total</option>
              <option value="in">In (links received)</option>
              <option value="out">Out (links sent)</option>
            </HTMLSelect>
          </label>
        )}
        <div className="toggles" role="group">
          <Check checked={choice.directed} onChange={(e) => set({ directed: e.target.checked })}>
            Directed
          </Check>
          <Check title="Edge weight from the best citation grade of each link (A1 strongest); shortest-path measures use 1/strength as distance" checked={choice.weighted && choice.weightAttribute === null} onChange={(e) => set({ weighted: e.target.checked, weightAttribute: null })}>
            Weighted by evidence
          </Check>
          <Check title={HAS_NORMALISATION.includes(choice.measure) ? 'Normalised as networkx does' : 'This measure has a fixed scale'} checked={HAS_NORMALISATION.includes(choice.measure) ? choice.normalized : true} disabled={!HAS_NORMALISATION.includes(choice.measure)} onChange={(e) => set({ normalized: e.target.checked })}>
            Normalised
          </Check>
        </div>
        {choice.measure === 'betweenness' && (
          <div className="field-row" role="group" aria-label="Approximate betweenness">
            <Check title="Exact betweenness visits every entity as a source (O(n·m): minutes on tens of thousands). Approximate samples this many sources, seeded, and gives each value its standard error." checked={choice.approximate} onChange={(e) => set({ approximate: e.target.checked })}>
              Approximate
            </Check>
            <label className="inline-field">
              <span className={UI.fieldName}>Sources</span>
              <input
                type="number"
                className={UI.number}
                style={{ width: 72 }}
                aria-label="Sampled sources"
                min={2}
                step={1}
                value={choice.samples}
                disabled={!choice.approximate}
                onChange={(e) => {
                  const samples = Math.round(Number(e.target.value));
                  if (Number.isFinite(samples) && samples >= 2) set({ samples });
                }}
              />
            </label>
          </div>
        )}
        <WeightAttributeField
          label="Weighted by link attribute"
          title="A numeric link attribute as networkx's weight=: PageRank, eigenvector and degree take it as a weight; betweenness and closeness as the distance. A link without it weighs 1."
          value={choice.weightAttribute}
          onChange={(weightAttribute) => set(weightAttribute === null ? { weightAttribute } : { weightAttribute, weighted: false })}
        />
        <div className="button-row">
          <button type="submit" className={BUTTON.primary} disabled={running}>
            Run
          </button>
          {measure && (
            <button type="button" className={BUTTON.plain} onClick={() => analysis.clearMeasure()}>
              Clear results
            </button>
          )}
        </div>
      </form>
      {measure && (
        <>
          <h3 className={UI.subhead}>
            {MEASURE_LABELS[measure.result.measure]} <Tag minimal round>{measure.ranking.length}</Tag>
          </h3>
          <VirtualTable
            label={`${MEASURE_LABELS[measure.result.measure]} ranking`}
            testId="measure-table"
            rows={measure.ranking}
            columns={columns}
            rowKey={(r) => r.id}
            activeKey={activeId}
            onPick={(r) => selectAndFocus({ kind: 'entity', id: r.id })}
          />
          {measure.result.approximation && (
            <p className={UI.note} data-testid="approximation">
              {measure.result.approximation.statement}
            </p>
          )}
          <Provenance result={measure.result} />
        </>
      )}
      <MostConnected />
      <GradeSensitivity />
    </div>
  );
}

/** The entities with the most links in the network as filtered; a click jumps to one. */
function MostConnected() {
  const { store, selectAndFocus } = useApp();
  const chart = useStore(store, (s) => s.chart);
  const filters = useAnalysis((s) => s.filters);
  const evidence = useAnalysis((s) => s.evidence);
  const rows = useMemo(() => {
    if (!chart) return [];
    const shown = visibleNetwork(chart, evidence, filters);
    const degree = new Map<string, number>();
    for (const link of chart.links) {
      if (shown && !shown.linkIds.has(link.id)) continue;
      degree.set(link.sourceId, (degree.get(link.sourceId) ?? 0) + 1);
      if (link.targetId !== link.sourceId) degree.set(link.targetId, (degree.get(link.targetId) ?? 0) + 1);
    }
    const ranked = chart.entities
      .filter((e) => !shown || shown.entityIds.has(e.id))
      .map((e) => ({ id: e.id, label: e.label, links: degree.get(e.id) ?? 0 }))
      .sort((a, b) => b.links - a.links || a.label.localeCompare(b.label));
    // Competition ranks: ties share a rank (1, 2, 2, 4).
    const out: { id: string; label: string; links: number; rank: number }[] = [];
    ranked.forEach((r, i) => {
      const previous = out[i - 1];
      out.push({ ...r, rank: previous && previous.links === r.links ? previous.rank : i + 1 });
    });
    return out;
  }, [chart, filters, evidence]);
  return (
    <details className="analysis-details" open>
      <summary className={UI.subhead}>Most connected</summary>
      <VirtualTable
        label="Most connected entities"
        testId="most-connected"
        rows={rows}
        height={168}
        rowKey={(r) => r.id}
        onPick={(r) => selectAndFocus({ kind: 'entity', id: r.id })}
        columns={[
          { key: 'rank', label: 'Rank', width: '44px', align: 'right', render: (r) => r.rank },
          { key: 'label', label: 'Entity', width: 'minmax(0, 1fr)', render: (r) => r.label },
          { key: 'links', label: 'Links', width: '56px', align: 'right', render: (r) => r.links },
        ]}
      />
    </details>
  );
}

/** The current measure with all evidence and with only evidence at a grade or better. */
function GradeSensitivity() {
  const { analysis, selectAndFocus } = useApp();
  const grade = useAnalysis((s) => s.sensitivityGrade);
  const result = useAnalysis((s) => s.sensitivity);
  const running = useAnalysis((s) => s.run.status === 'running');
  const measureName = useAnalysis((s) => s.choice.measure);
  const columns: Column<SensitivityRow>[] = [
    { key: 'label', label: 'Entity', width: 'minmax(0, 1fr)', render: (r) => r.label, sortValue: (r) => r.label },
    { key: 'rankAll', label: 'All', width: '40px', align: 'right', render: (r) => r.rankAll, sortValue: (r) => r.rankAll },
    { key: 'rankStrong', label: result ? `≥${result.minGrade}` : 'Strong', width: '44px', align: 'right', render: (r) => r.rankStrong, sortValue: (r) => r.rankStrong },
    {
      key: 'rankChange',
      label: 'Move',
      width: '60px',
      align: 'right',
      render: (r) =>
        r.rankChange === 0 ? (
          <span className={Classes.TEXT_MUTED}>–</span>
        ) : (
          <Tag minimal intent={r.rankChange > 0 ? 'success' : 'danger'}>{r.rankChange > 0 ? `▲${r.rankChange}` : `▼${-r.rankChange}`}</Tag>
        ),
      sortValue: (r) => Math.abs(r.rankChange),
    },
  ];
  return (
    <details className="analysis-details">
      <summary className={UI.subhead}>Grade sensitivity</summary>
      <p className={UI.muted}>
        Does the {MEASURE_LABELS[measureName].toLowerCase()} ranking rest on weak evidence? It is computed with every link, then with only links that have a citation at the grade below or better.
      </p>
      <div className="button-row">
        <label className="inline-field">
          <span className={UI.fieldName}>Grade</span>
          <HTMLSelect aria-label="Sensitivity grade" value={grade} onChange={(e) => analysis.store.setState({ sensitivityGrade: e.target.value })}>
            {allGrades().map((g) => (
              <option key={formatGrade(g)}>{formatGrade(g)}</option>
            ))}
          </HTMLSelect>
        </label>
        <button type="button" className={BUTTON.plain} disabled={running} onClick={() => void analysis.runSensitivity()}>
          Compare
        </button>
      </div>
      {result && (
        <>
          <p className={UI.note}>
            {result.linksDropped} of {result.all.filters?.links.kept ?? '?'} links rest only on evidence weaker than {result.minGrade}. Spearman rank correlation {result.spearman.toFixed(3)}.
          </p>
          <VirtualTable
            label="Rank changes"
            testId="sensitivity-table"
            rows={result.rows}
            rowKey={(r) => r.id}
            columns={columns}
            initialSort={{ key: 'rankChange', descending: true }}
            onPick={(r) => selectAndFocus({ kind: 'entity', id: r.id })}
          />
        </>
      )}
    </details>
  );
}
