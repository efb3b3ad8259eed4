import { Classes, Tag } from '@blueprintjs/core';
import { useMemo } from 'react';
import { useApp } from '../appContext';
import { entityBadgeUri } from '../chart/nodeIcons';
import { toneColour } from '../chart/stylesheet';
import { useStore } from '../store';
import { legendRows } from './legendModel';

/** A short line in the tone's colour, with an arrow head when the tone's links are directed. */
function ToneSwatch({ colour, arrow }: { colour: string; arrow: boolean }) {
  return (
    <svg className="legend-line" width="16" height="10" viewBox="0 0 16 10" aria-hidden="true">
      <line x1="0" y1="5" x2={arrow ? 10 : 16} y2="5" stroke={colour} strokeWidth="2" />
      {arrow && <path d="M9 1 L16 5 L9 9 Z" fill={colour} />}
    </svg>
  );
}

/** The entity types and link tones on the chart, with counts. */
export function Legend() {
  const { store } = useApp();
  const chart = useStore(store, (s) => s.chart);
  const rows = useMemo(() => (chart ? legendRows(chart) : null), [chart]);

  return (
    <section className={`${Classes.TEXT_SMALL} legend`} data-testid="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Entities</h2>
      {rows === null || rows.entities.length === 0 ? (
        <p className={`${Classes.TEXT_MUTED} legend-empty`}>{rows === null ? 'Loading…' : 'No entities yet.'}</p>
      ) : (
        <ul className="legend-list">
          {rows.entities.map(({ type, count }) => (
            <li key={type.id}>
              <img src={entityBadgeUri(type.id)} alt="" width={16} height={16} />
              <span className={`${Classes.TEXT_OVERFLOW_ELLIPSIS} legend-name`}>{count === 1 ? type.label : type.plural}</span>
              <Tag minimal round>{count}</Tag>
            </li>
          ))}
        </ul>
      )}
      {rows !== null && rows.tones.length > 0 && (
        <>
          <h2>Links</h2>
          <ul className="legend-list">
            {rows.tones.map((row) => (
              <li key={row.tone}>
                <ToneSwatch colour={toneColour(row.tone)} arrow={row.directed} />
                <span className={`${Classes.TEXT_OVERFLOW_ELLIPSIS} legend-name`} dir="auto">{row.label}</span>
                <Tag minimal round>{row.count}</Tag>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
