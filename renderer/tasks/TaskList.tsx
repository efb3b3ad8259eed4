import { Classes } from '@blueprintjs/core';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useApp } from '../appContext';
import { IconButton } from '../panels/IconButton';
import { useStore } from '../store';
import { type TaskSnapshot } from './taskRegistry';
import { BUTTON } from '../ui/buttons';
import './tasks.css';

const outcomeText = (task: TaskSnapshot): string => {
  switch (task.outcome.status) {
    case 'running':
      return task.progress === null ? 'Running' : `${Math.round(task.progress * 100)}%`;
    case 'done':
      return 'Finished';
    case 'cancelled':
      return 'Cancelled';
    case 'failed':
      return `Failed: ${task.outcome.message}`;
  }
};

function Bar({ task }: { task: TaskSnapshot }) {
  // An indeterminate task has no value: assistive tech then announces it as busy, not as 0%.
  return task.progress === null ? (
    <progress className="task-bar" aria-label={`${task.label} progress`} />
  ) : (
    <progress className="task-bar" aria-label={`${task.label} progress`} max={1} value={task.progress} />
  );
}

/** The status bar's one place for long work: the running task, and on click the list of all. */
export function TaskList() {
  const { tasks, store } = useApp();
  const list = useSyncExternalStore(tasks.subscribe, tasks.list);
  const open = useStore(store, (s) => s.tasksOpen);
  const setOpen = (value: boolean) => store.setState({ tasksOpen: value });
  const toggle = useRef<HTMLButtonElement>(null);
  const popup = useRef<HTMLDivElement>(null);
  const running = list.filter((t) => t.outcome.status === 'running');
  const current = running[0];

  // Opened by the command (keyboard): focus moves into the list so Tab reaches its Cancel buttons.
  useEffect(() => {
    if (open) popup.current?.focus();
  }, [open]);

  if (list.length === 0 && !open) return null;
  return (
    <span className="task-indicator" data-testid="task-indicator">
      <button ref={toggle} type="button" className={`${BUTTON.small} ${Classes.MINIMAL}`} aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)}>
        {current ? `${current.label}${running.length > 1 ? ` (+${running.length - 1})` : ''}` : 'Tasks'}
      </button>
      {current && <Bar task={current} />}
      {current?.cancellable && (
        <IconButton className={Classes.SMALL} label={`Cancel ${current.label}`} glyph="×" onClick={() => tasks.cancel(current.id)} />
      )}
      {open && (
        <div
          ref={popup}
          tabIndex={-1}
          className={`task-popup ${Classes.CARD} ${Classes.ELEVATION_3}`}
          role="dialog"
          aria-label="Running and recent tasks"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setOpen(false);
              toggle.current?.focus();
            }
          }}
        >
          {list.length === 0 && <p className={Classes.TEXT_MUTED}>No tasks have run yet.</p>}
          <ul className="task-rows">
            {list.map((task) => (
              <li key={task.id} className="task-row" data-status={task.outcome.status}>
                <span className="task-label">{task.label}</span>
                {task.outcome.status === 'running' && <Bar task={task} />}
                <span className={`task-outcome ${Classes.TEXT_MUTED}`}>{outcomeText(task)}</span>
                {task.detail && <span className={Classes.TEXT_MUTED}>{task.detail}</span>}
                {task.cancellable && (
                  <button type="button" className={BUTTON.small} onClick={() => tasks.cancel(task.id)} aria-label={`Cancel ${task.label}`}>
                    Cancel
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </span>
  );
}
