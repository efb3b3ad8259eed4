import { useMemo, useState } from 'react';
import { mdiChevronDown, mdiChevronUp } from '@mdi/js';
import { useApp } from '../appContext';
import { entityBadgeUri } from '../chart/nodeIcons';
import { toneColour } from '../chart/stylesheet';
import { Icon } from '../Icon';
import { useStore } from '../store';
import { legendRows } from './legendModel';

/** A short line in the tone's colour, with an arrow head when the tone's links are directed. */
function ToneSwatch({ colour, arrow }: { colour: string; arrow: boolean }) {
  return (
    <svg className="legend-line" width="28" height="10" viewBox="0 0 28 10" aria-hidden="true">
      <line x1="1" y1="5" x2={arrow ? 20 : 27} y2="5" stroke={colour} strokeWidth="2" />
      {arrow && <path d="M19 1 L27 5 L19 9 Z" fill={colour} />}
    </svg>
  );
}

/** The entity types and link tones on the chart, with counts. */
export function Legend() {
  const { store } = useApp();
  const chart = useStore(store, (s) => s.chart);
  const [collapsed, setCollapsed] = useState(false);
  const rows = useMemo(() => (chart ? legendRows(chart) : null), [chart]);
  if (!rows || (rows.entities.length === 0 && rows.tones.length === 0)) return null;

  return (
    <section className="legend" data-testid="legend" aria-labelledby="legend-title">
      <div className="legend-head">
        <h2 id="legend-title">Legend</h2>
        <button
          type="button"
          className="icon-button small"
          aria-expanded={!collapsed}
          aria-controls="legend-body"
          aria-label={collapsed ? 'Show legend' : 'Hide legend'}
          onClick={() => setCollapsed((c) => !c)}
        >
          <Icon path={collapsed ? mdiChevronDown : mdiChevronUp} size={14} />
        </button>
      </div>
      <div id="legend-body" hidden={collapsed}>
        <ul className="legend-list">
          {rows.entities.map(({ type, count }) => (
            <li key={type.id}>
              <img src={entityBadgeUri(type.id)} alt="" width={16} height={16} />
              <span className="legend-name">{count === 1 ? type.label : type.plural}</span>
              <span className="legend-count">{count}</span>
            </li>
          ))}
        </ul>
        {rows.tones.length > 0 && (
          <ul className="legend-list legend-tones">
            {rows.tones.map((row) => (
              <li key={row.tone}>
                <ToneSwatch colour={toneColour(row.tone)} arrow={row.directed} />
                <span className="legend-name">{row.label}</span>
                <span className="legend-count">{row.count}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
