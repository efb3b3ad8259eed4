import { Classes, Tag } from '@blueprintjs/core';
import { useApp } from '../appContext';
import { useStore } from '../store';
import { TaskList } from '../tasks/TaskList';

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** The case, its file, what it holds and what is selected. */
export function StatusBar() {
  const { store } = useApp();
  const info = useStore(store, (s) => s.caseInfo);
  const status = useStore(store, (s) => s.chartStatus);
  const layoutRunning = useStore(store, (s) => s.layoutRunning);
  const selection = useStore(store, (s) => s.selection);

  return (
    <div className={`${Classes.TEXT_SMALL} ${Classes.TEXT_MUTED} status-bar`} data-testid="status-bar">
      {info === null ? (
        <span className="status-item">No case open</span>
      ) : (
        <>
          <span className={`${Classes.TEXT_OVERFLOW_ELLIPSIS} status-item status-case`} title={info.name}>
            {info.name}
          </span>
          {/* The file's name; where it is, on hover (a folder name can say more than the screen should show). */}
          <span className={`${Classes.TEXT_OVERFLOW_ELLIPSIS} ${Classes.MONOSPACE_TEXT} status-item status-path`} title={info.path}>
            <bdi>{info.path.split(/[\\/]/).pop()}</bdi>
          </span>
          <span className="status-item">{plural(info.counts.entities, 'entity', 'entities')}</span>
          <span className="status-item">{plural(info.counts.links, 'link', 'links')}</span>
          <span className="status-item">{plural(info.counts.sources, 'source', 'sources')}</span>
          <span className="status-item">{plural(info.counts.citations, 'citation', 'citations')}</span>
          {info.readOnly !== null && (
            <Tag minimal intent="warning" className="status-item" title={info.readOnly.reason} data-testid="status-read-only">
              {info.readOnly.checking ? 'Read-only while the file is checked…' : 'Read-only'}
            </Tag>
          )}
        </>
      )}
      <span className="status-spacer" />
      {layoutRunning ? (
        <span className="status-item">Laying out…</span>
      ) : status === 'loading' ? (
        <span className="status-item">Loading chart…</span>
      ) : null}
      <TaskList />
      <span className="status-item status-selection">{selection.length === 0 ? 'Nothing selected' : `${selection.length} selected`}</span>
    </div>
  );
}
