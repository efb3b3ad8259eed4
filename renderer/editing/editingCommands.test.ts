import { key } from '../testing/keyStroke';
import { describe, expect, it, vi } from 'vitest';
import type { HistoryState } from '../../app/editing/types';
import { commandForKeystroke, runCommand, type CommandContext } from '../commands';
import type { Session } from '../session';
import { createUiStore } from '../store';
import type { EditingServices } from './editingServices';
import { createEditingStore } from './editingState';


function context(history: Partial<HistoryState>) {
  const store = createUiStore();
  store.setState({ caseStatus: 'open', chartStatus: 'ready' });
  const editingStore = createEditingStore();
  editingStore.setState({ history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, entries: [], ...history } });
  const editing = { store: editingStore, undo: vi.fn(async () => {}), redo: vi.fn(async () => {}) } as unknown as EditingServices & {
    undo: ReturnType<typeof vi.fn>;
    redo: ReturnType<typeof vi.fn>;
  };
  const ctx: CommandContext = { session: {} as Session, store, chart: () => null, editing };
  return { ctx, editing };
}

describe('undo and redo keys', () => {
  it('Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y (Cmd on a Mac) redo', () => {
    expect(commandForKeystroke(key('z', { ctrlKey: true }))?.id).toBe('edit.undo');
    expect(commandForKeystroke(key('Z', { ctrlKey: true, shiftKey: true }))?.id).toBe('edit.redo');
    expect(commandForKeystroke(key('y', { ctrlKey: true }))?.id).toBe('edit.redo');
    expect(commandForKeystroke(key('y', { metaKey: true }))?.id).toBe('edit.redo');
    // Y alone (or with Shift) is typing, not redo.
    expect(commandForKeystroke(key('y'))).toBeUndefined();
    expect(commandForKeystroke(key('Y', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
  });

  it('step through the history only when there is a step to take', async () => {
    const nothing = context({});
    expect(await runCommand('edit.undo', nothing.ctx)).toBe(false);
    expect(await runCommand('edit.redo', nothing.ctx)).toBe(false);
    expect(nothing.editing.undo).not.toHaveBeenCalled();

    const both = context({ canUndo: true, canRedo: true });
    expect(await runCommand('edit.undo', both.ctx)).toBe(true);
    expect(await runCommand('edit.redo', both.ctx)).toBe(true);
    expect(both.editing.undo).toHaveBeenCalledTimes(1);
    expect(both.editing.redo).toHaveBeenCalledTimes(1);
  });
});
