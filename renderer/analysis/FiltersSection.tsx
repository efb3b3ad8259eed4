import { HTMLSelect } from '@blueprintjs/core';
import { useMemo } from 'react';
import { allGrades, formatGrade } from '../../app/analysis';
import { entityTypeDefinition } from '../../app/entityTypes';
import { linkTypeDefinition } from '../../app/linkTypes';
import { useApp } from '../appContext';
import { useStore } from '../store';
import { asOfSteps, describePeriod, filtersActive, formatAsOf, typesPresent, visibleNetwork } from './filterModel';
import { useAnalysis } from './useAnalysis';
import { BUTTON } from '../ui/buttons';
import { Check } from '../ui/Check';
import { UI } from './controls';

/** What the chart shows, and so what the analysis runs on: types, evidence grade, and a date. */
export function FiltersSection() {
  const { analysis, store } = useApp();
  const chart = useStore(store, (s) => s.chart);
  const filters = useAnalysis((s) => s.filters);
  const evidence = useAnalysis((s) => s.evidence);
  const types = useMemo(() => (chart ? typesPresent(chart) : { entityTypes: [], linkTypes: [] }), [chart]);
  const steps = useMemo(() => (chart ? asOfSteps(chart) : []), [chart]);
  const shown = useMemo(() => (chart ? visibleNetwork(chart, evidence, filters) : null), [chart, evidence, filters]);
  const toggle = (list: readonly string[], type: string, show: boolean) => (show ? list.filter((t) => t !== type) : [...list, type]);
  const sliderIndex = filters.asOf === null ? steps.length : Math.max(0, steps.findIndex((d) => d >= filters.asOf!));

  return (
    <div className="analysis-section">
      <p className={UI.note} data-testid="filter-summary">
        {shown
          ? `Showing ${shown.report.entities.kept} of ${shown.report.entities.total} entities and ${shown.report.links.kept} of ${shown.report.links.total} links.`
          : 'Showing everything.'}
        {shown?.report.notes.map((n) => ` ${n}`)}
      </p>
      <div className="field">
        <span className={UI.fieldName}>As of</span>
        <div className="as-of">
          <input
            type="range"
            aria-label="As of"
            data-testid="as-of-slider"
            min={0}
            max={steps.length}
            step={1}
            value={sliderIndex}
            disabled={steps.length === 0}
            onChange={(e) => {
              const i = Number(e.target.value);
              // The slider picks one day: a period brushed on the timeline gives way to it.
              analysis.setFilters({ asOf: i >= steps.length ? null : (steps[i] ?? null), from: null });
            }}
          />
          <output data-testid="as-of-value">{filters.asOf === null ? 'All time' : formatAsOf(filters.asOf)}</output>
        </div>
        {filters.asOf !== null && filters.from !== null && (
          <p className={`${UI.note} as-of-period`} data-testid="as-of-period">
            Period {describePeriod(filters)}, brushed on the timeline: what existed at any time in it.
          </p>
        )}
        {steps.length > 0 && (
          <div className={`as-of-scale ${UI.muted}`}>
            <span>{formatAsOf(steps[0]!).replace(/^\d+ /, '')}</span>
            <span>All time</span>
          </div>
        )}
      </div>
      <label className="field">
        <span className={UI.fieldName}>Evidence</span>
        <HTMLSelect
          fill
          aria-label="Minimum evidence grade"
          value={filters.minGrade ?? ''}
          onChange={(e) => analysis.setFilters({ minGrade: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">Any grade</option>
          {allGrades().map((g) => (
            <option key={formatGrade(g)} value={formatGrade(g)}>
              {formatGrade(g)} or better
            </option>
          ))}
        </HTMLSelect>
      </label>
      <details className="analysis-details" open>
        <summary className={UI.subhead}>Entity types</summary>
        <ul className="check-list">
          {types.entityTypes.map((type) => (
            <li key={type}>
              <Check inline={false} checked={!filters.hiddenEntityTypes.includes(type)} onChange={(e) => analysis.setFilters({ hiddenEntityTypes: toggle(filters.hiddenEntityTypes, type, e.target.checked) })}>
                {entityTypeDefinition(type).label}
              </Check>
            </li>
          ))}
        </ul>
      </details>
      <details className="analysis-details">
        <summary className={UI.subhead}>Link types</summary>
        <ul className="check-list">
          {types.linkTypes.map((type) => (
            <li key={type}>
              <Check inline={false} checked={!filters.hiddenLinkTypes.includes(type)} onChange={(e) => analysis.setFilters({ hiddenLinkTypes: toggle(filters.hiddenLinkTypes, type, e.target.checked) })}>
                {linkTypeDefinition(type).label}
              </Check>
            </li>
          ))}
        </ul>
      </details>
      {filtersActive(filters) && (
        <button type="button" className={BUTTON.plain} onClick={() => analysis.setFilters({ hiddenEntityTypes: [], hiddenLinkTypes: [], minGrade: null, asOf: null, from: null })}>
          Show everything
        </button>
      )}
    </div>
  );
}
