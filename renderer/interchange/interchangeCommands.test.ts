import { describe, expect, it, vi } from 'vitest';
import { EXPORT_CHOICES, exportCommandId } from '../../app/interchange/exportChoices';
import { COMMANDS, commandForKeystroke, findCommand, runCommand, type CommandContext } from '../commands';
import type { Session } from '../session';
import { createUiStore } from '../store';
import { interchangeStore } from './interchangeState';

function context(caseStatus: 'open' | 'none'): CommandContext {
  const store = createUiStore();
  store.setState({ caseStatus, fileMenuOpen: true });
  const session = { showError: vi.fn() } as unknown as Session;
  return { session, store, chart: () => null };
}

describe('File › Import and File › Export commands', () => {
  it('Ctrl+I opens the import dialog when a case is open, and not otherwise', async () => {
    interchangeStore.setState({ open: null });
    const stroke = { key: 'i', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false };
    expect(commandForKeystroke(stroke, COMMANDS, 'other')?.id).toBe('file.import');
    expect(await runCommand('file.import', context('none'))).toBe(false);
    const ctx = context('open');
    expect(await runCommand('file.import', ctx)).toBe(true);
    expect(interchangeStore.getState().open).toBe('import');
    expect(ctx.store.getState().fileMenuOpen).toBe(false);
    interchangeStore.setState({ open: null });
  });

  it('has one command per native File › Export item, which opens the dialog on that format and starts', async () => {
    for (const choice of EXPORT_CHOICES) expect(findCommand(exportCommandId(choice))).toBeDefined();
    expect(await runCommand('file.export.gexf', context('open'))).toBe(true);
    expect(interchangeStore.getState()).toEqual({ open: 'export', exportChoice: 'gexf', exportNow: true });
    interchangeStore.setState({ open: null, exportChoice: null, exportNow: false });
  });
});
