import { key } from '../testing/keyStroke';
import { describe, expect, it, vi } from 'vitest';
import type { HistoryState } from '../../app/editing/types';
import { COMMANDS, commandForKeystroke, runCommand, type CommandContext } from '../commands';
import type { KeyStroke, Platform } from '../shortcuts';
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
  it('Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo; on a Mac the same keys with Command', () => {
    const find = (stroke: KeyStroke, platform: Platform) => commandForKeystroke(stroke, COMMANDS, platform)?.id;
    expect(find(key('z', { ctrlKey: true }), 'other')).toBe('edit.undo');
    expect(find(key('Z', { ctrlKey: true, shiftKey: true }), 'other')).toBe('edit.redo');
    expect(find(key('y', { ctrlKey: true }), 'other')).toBe('edit.redo');
    expect(find(key('z', { metaKey: true }), 'mac')).toBe('edit.undo');
    expect(find(key('z', { metaKey: true, shiftKey: true }), 'mac')).toBe('edit.redo');
    expect(find(key('y', { metaKey: true }), 'mac')).toBe('edit.redo');
    // The other platform's modifier is not the command key: Control+Z on a Mac, Windows+Z elsewhere.
    expect(find(key('z', { ctrlKey: true }), 'mac')).toBeUndefined();
    expect(find(key('z', { metaKey: true }), 'other')).toBeUndefined();
    // Y alone (or with Shift) is typing, not redo.
    expect(find(key('y'), 'other')).toBeUndefined();
    expect(find(key('Y', { ctrlKey: true, shiftKey: true }), 'other')).toBeUndefined();
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
