import { runCommand, type CommandContext } from '../commands';
import { isTypingTarget } from '../keyboard';

/** The native Edit menu's history commands, and the browser's text command each means in a field. */
const TEXT_EDITS: Readonly<Record<string, 'undo' | 'redo'>> = { 'edit.undo': 'undo', 'edit.redo': 'redo' };

/**
 * Runs a command main's native menu asked for (`command.run`). Edit › Undo and Redo mean the
 * typing while the analyst is in a text field (the browser's own text undo, as Ctrl+Z there
 * does), and the case's history everywhere else. The palette, toolbar and right-click menus call
 * runCommand directly: from there Undo always means the history (the palette's own search field
 * has the focus when it runs a command).
 */
export function runNativeMenuCommand(commandId: string, ctx: CommandContext): Promise<boolean> {
  const textEdit = TEXT_EDITS[commandId];
  if (textEdit !== undefined && isTypingTarget(document.activeElement)) {
    // execCommand is the only way a page can run the field's native undo stack (React sees the
    // change as ordinary input); deprecated for rich editing, still supported for this.
    document.execCommand(textEdit);
    return Promise.resolve(true);
  }
  return runCommand(commandId, ctx);
}
