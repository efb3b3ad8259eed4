import { Classes } from '@blueprintjs/core';
import { useMemo } from 'react';
import { useApp } from '../appContext';
import { IconButton } from '../panels/IconButton';
import { MEASURE_LABELS } from './analysisState';
import { communityColour, formatValue, MEASURE_SIZE, valueRange } from './overlayModel';
import { HIGHLIGHT_COLOUR } from './analysisStylesheet';
import { useAnalysis } from './useAnalysis';

/** A small key over the chart for what the analysis draws: node size, community colour, highlight. */
export function AnalysisLegend() {
  const { analysis } = useApp();
  const measure = useAnalysis((s) => s.measure);
  const communities = useAnalysis((s) => s.communities);
  const highlight = useAnalysis((s) => s.highlight);
  const filtered = useAnalysis((s) => s.filters);
  const range = useMemo(() => (measure ? valueRange(Object.values(measure.result.values)) : null), [measure]);
  const asOf = filtered.asOf;
  if (!measure && !communities && !highlight && asOf === null) return null;
  return (
    <div className={`analysis-legend ${Classes.CARD} ${Classes.ELEVATION_2} ${Classes.TEXT_SMALL}`} data-testid="analysis-legend" aria-label="Analysis key">
      {measure && range && (
        <div className="legend-block">
          <div className="legend-title">
            <strong>Size: {MEASURE_LABELS[measure.result.measure]}</strong>
            <IconButton className="icon-button small" label="Clear measure" glyph="×" onClick={() => analysis.clearMeasure()} />
          </div>
          <div className="size-key">
            <svg width="72" height="30" viewBox="0 0 72 30" aria-hidden="true">
              <circle cx="8" cy="22" r={(MEASURE_SIZE.min / MEASURE_SIZE.max) * 14} fill="#8a929b" />
              <circle cx="50" cy="15" r="14" fill="#8a929b" />
            </svg>
            <span>
              {formatValue(range.min)} – {formatValue(range.max)}
            </span>
          </div>
        </div>
      )}
      {communities && (
        <div className="legend-block">
          <div className="legend-title">
            <strong>Colour: {communities.parameters.method === undefined ? 'community' : 'component'}</strong>
            <IconButton className="icon-button small" label="Clear communities" glyph="×" onClick={() => analysis.clearCommunities()} />
          </div>
          <ul className="community-key">
            {communities.communities.slice(0, 12).map((c) => (
              <li key={c.index}>
                <span className="swatch" style={{ background: communityColour(c.index) }} />
                {c.index + 1} <span className={Classes.TEXT_MUTED}>({c.entityIds.length})</span>
              </li>
            ))}
            {communities.communities.length > 12 && <li className={Classes.TEXT_MUTED}>+{communities.communities.length - 12} more (grey)</li>}
          </ul>
        </div>
      )}
      {highlight && (
        <div className="legend-block">
          <div className="legend-title">
            <span className="swatch" style={{ background: HIGHLIGHT_COLOUR }} /> <strong>{highlight.title}</strong>
            <IconButton className="icon-button small" label="Clear highlight" glyph="×" onClick={() => analysis.clearHighlight()} />
          </div>
        </div>
      )}
      {asOf !== null && <strong className="legend-block">{filtered.from !== null && filtered.from !== asOf ? `From ${filtered.from} to ${asOf}` : `As of ${asOf}`}</strong>}
    </div>
  );
}
