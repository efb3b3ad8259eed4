import { Classes, Spinner, Tag } from '@blueprintjs/core';
import { useState } from 'react';
import { LAYOUT_NAMES, type LayoutName } from '../../app/views';
import { useApp } from '../appContext';
import { IconButton } from '../panels/IconButton';
import { findCommand, runCommand } from '../commands';
import { formatShortcut } from '../shortcuts';
import { useStore } from '../store';
import { LAYOUT_LABELS } from './analysisState';
import { describePeriod } from './filterModel';
import { useAnalysis } from './useAnalysis';
import { BUTTON } from '../ui/buttons';
import { UI } from './controls';

/** Layouts, pins and saved views. */
export function LayoutSection() {
  const { analysis, store, commands } = useApp();
  const layoutRunning = useStore(store, (s) => s.layoutRunning);
  const selection = useStore(store, (s) => s.selection);
  const current = useAnalysis((s) => s.layout);
  const pinned = useAnalysis((s) => s.pinned);
  const views = useAnalysis((s) => s.views);
  const hasMeasure = useAnalysis((s) => s.measure !== null);
  const [name, setName] = useState('');
  const selectedIds = selection.filter((s) => s.kind === 'entity').map((s) => s.id);
  const selectedPinned = selectedIds.filter((id) => pinned.has(id)).length;
  const hint = (id: string) => {
    const shortcut = findCommand(id)?.shortcut;
    return shortcut ? ` (${formatShortcut(shortcut)})` : '';
  };

  return (
    <div className="analysis-section">
      <ul className="layout-list" role="list">
        {LAYOUT_NAMES.map((layout: LayoutName) => (
          <li key={layout}>
            <button
              type="button"
              className={`${BUTTON.plain} ${Classes.FILL}${current === layout ? ` ${BUTTON.active}` : ''}`}
              disabled={layoutRunning}
              title={`${LAYOUT_LABELS[layout]}${hint(`chart.layout.${layout}`)}`}
              onClick={() => void runCommand(`chart.layout.${layout}`, commands)}
            >
              <span className={Classes.FILL}>
                {LAYOUT_LABELS[layout]}
                {layout === 'concentric' && !hasMeasure ? ' (degree)' : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {layoutRunning && (
        <p className={UI.note} role="status">
          <Spinner size={12} tagName="span" aria-hidden="true" /> Laying out…
        </p>
      )}
      <h3 className={UI.subhead}>
        Pins <Tag minimal round>{pinned.size}</Tag>
      </h3>
      <p className={UI.muted}>A pinned node stays where it is when a layout runs.</p>
      <div className={Classes.BUTTON_GROUP}>
        <button type="button" className={BUTTON.plain} disabled={selectedIds.length === 0 || selectedPinned === selectedIds.length} onClick={() => void runCommand('chart.pin', commands)}>
          Pin selected
        </button>
        <button type="button" className={BUTTON.plain} disabled={selectedPinned === 0} onClick={() => void runCommand('chart.unpin', commands)}>
          Unpin selected
        </button>
      </div>
      <h3 className={UI.subhead}>
        Saved views <Tag minimal round>{views.length}</Tag>
      </h3>
      <form
        className={Classes.CONTROL_GROUP}
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() === '') return;
          void analysis.saveView(name.trim()).then(() => setName(''));
        }}
      >
        <input dir="auto" className={`${Classes.INPUT} ${Classes.FILL}`} type="text" aria-label="View name" placeholder="Name this view" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className={BUTTON.plain} disabled={name.trim() === ''}>
          Save view
        </button>
      </form>
      <ul className="view-list" data-testid="saved-views">
        {views.map((view) => (
          <li key={view.id}>
            <button type="button" className={UI.link} onClick={() => void analysis.applyView(view)} title="Apply this view's filters, layout and viewport">
              {view.name}
            </button>
            <span className={`view-meta ${UI.muted} ${Classes.TEXT_OVERFLOW_ELLIPSIS}`}>
              {[view.layout ? LAYOUT_LABELS[view.layout] : null, describePeriod(view.filters), view.filters.minGrade ? `≥${view.filters.minGrade}` : null]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <IconButton className="icon-button small" label={`Delete view ${view.name}`} glyph="×" onClick={() => void analysis.deleteView(view.id)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
