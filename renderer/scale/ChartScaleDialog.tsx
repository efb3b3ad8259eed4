import { Classes, HTMLSelect } from '@blueprintjs/core';
import { useState } from 'react';
import { DEFAULT_TOP_N, MAX_EXPAND_HOPS } from '../../app/chart/chartScale';
import { entityTypeDefinition } from '../../app/entityTypes';
import { useApp } from '../appContext';
import { Modal } from '../editing/Modal';
import { useStore } from '../store';
import { BUTTON } from '../ui/buttons';
import { Check } from '../ui/Check';

const count = (n: number) => n.toLocaleString('en');

/**
 * What an add would bring, before it is added: counts by entity type (an expansion lets the
 * analyst choose the types and the reach), and past the size that slows the chart down, a
 * warning with the choice to add anyway, to add only the best-connected N, to add them grouped by type,
 * or to cancel.
 */
export function ChartScaleDialog() {
  const { scale } = useApp();
  const pending = useStore(scale.store, (s) => s.pending);
  const busy = useStore(scale.store, (s) => s.busy);
  const [topN, setTopN] = useState(DEFAULT_TOP_N);
  if (!pending) return null;
  const { preview } = pending;
  const after = preview.onChart + preview.total;
  const n = Math.max(1, Math.min(topN, preview.total));
  const expanding = pending.kind === 'expand' ? pending : null;
  const chosen = new Set(expanding?.types ?? preview.byType.map((t) => t.type));

  return (
    <Modal title={pending.kind === 'expand' ? pending.title : `Add ${count(preview.total)} to the chart`} testId="chart-scale-dialog" onClose={scale.cancel} wide>
      {expanding && (
        <label className={`${Classes.LABEL} ${Classes.INLINE}`}>
          Reach
          <HTMLSelect
            aria-label="Hops"
            value={expanding.hops}
            disabled={busy}
            onChange={(e) => void scale.refine({ hops: Number(e.target.value) })}
          >
            {Array.from({ length: MAX_EXPAND_HOPS }, (_, i) => i + 1).map((h) => (
              <option key={h} value={h}>
                {h === 1 ? '1 hop (direct links)' : `${h} hops`}
              </option>
            ))}
          </HTMLSelect>
        </label>
      )}
      <p data-testid="chart-scale-total">
        {preview.total === 0
          ? 'Nothing to add: all of them are on the chart already.'
          : `${count(preview.total)} ${preview.total === 1 ? 'entity' : 'entities'} not on the chart yet (the chart has ${count(preview.onChart)}).`}
      </p>
      {preview.byType.length > 0 && (
        <ul className="chart-scale-types" aria-label="By type">
          {preview.byType.map(({ type, count: c }) => (
            <li key={type}>
              {expanding ? (
                <Check
                  inline={false}
                  checked={chosen.has(type)}
                  disabled={busy || (chosen.size === 1 && chosen.has(type))}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(type);
                    else next.delete(type);
                    void scale.refine({ types: [...next] });
                  }}
                >
                  {entityTypeDefinition(type).label}: {count(c)}
                </Check>
              ) : (
                <span>
                  {entityTypeDefinition(type).label}: {count(c)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {expanding?.types && (
        <p className={Classes.TEXT_MUTED}>
          Only the ticked types are counted and added.{' '}
          <button type="button" className={BUTTON.small} onClick={() => void scale.refine({ types: null })}>
            All types
          </button>
        </p>
      )}
      {preview.warn && (
        <p className={`${Classes.CALLOUT} ${Classes.INTENT_WARNING}`} role="alert" data-testid="chart-scale-warning">
          That would put {count(after)} entities on the chart. Past {count(preview.limit)} the chart slows down: opening it and every edit
          take seconds. Add them anyway, only the best-connected, grouped by type (one node per type, opened from Analysis › Groups), or fewer types.
        </p>
      )}
      <div className="dialog-buttons">
        {preview.total > 0 && (
          <>
            <label className="chart-scale-top">
              Top{' '}
              <input
                type="number"
                className={`${Classes.INPUT} ${Classes.SMALL}`}
                style={{ width: 80 }}
                aria-label="How many of the best-connected"
                min={1}
                max={preview.total}
                value={topN}
                onChange={(e) => setTopN(Number(e.target.value) || 1)}
              />{' '}
              by links
            </label>
            <button type="button" className={BUTTON.plain} disabled={busy} onClick={() => void scale.confirm({ kind: 'top', n })}>
              Add top {count(n)}
            </button>
            {preview.warn && (
              <button
                type="button"
                className={BUTTON.plain}
                disabled={busy}
                title="Adds them all, each type collapsed into one group node (with the entities of that type already on the chart)"
                onClick={() => void scale.confirm({ kind: 'grouped' })}
              >
                Add grouped by type
              </button>
            )}
            <button type="button" className={BUTTON.primary} disabled={busy} onClick={() => void scale.confirm({ kind: 'all' })}>
              {preview.warn ? `Add all ${count(preview.total)} anyway` : `Add ${count(preview.total)}`}
            </button>
          </>
        )}
        <button type="button" className={BUTTON.plain} onClick={scale.cancel}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
