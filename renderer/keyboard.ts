import { commandForKeystroke, runCommand, type CommandContext } from './commands';
import { currentPlatform, type KeyStroke, type Platform } from './shortcuts';

/** True when keys typed at this element are text, not commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

/** Command-key chords a text field (or a select box) gives a meaning of its own: they stay with the field. */
const TEXT_EDITING_KEYS: ReadonlySet<string> = new Set([
  'a', 'c', 'v', 'x', 'z', 'y', 'arrowleft', 'arrowright', 'arrowup', 'arrowdown', 'home', 'end', 'backspace', 'delete',
]);

/**
 * Whether a keystroke in a text field is the application's rather than the field's: a chord with
 * the command key (Ctrl, or Command on a Mac) that text editing does not use, such as Ctrl+F,
 * Ctrl+K or Ctrl+E. Plain keys, Shift and Alt chords are typing (Alt+letter types accents and
 * Arabic presentation forms on many layouts).
 */
export function isApplicationChordInText(stroke: KeyStroke, platform: Platform = currentPlatform()): boolean {
  const primary = platform === 'mac' ? stroke.metaKey : stroke.ctrlKey;
  if (!primary || stroke.altKey) return false;
  return !TEXT_EDITING_KEYS.has(stroke.key.toLowerCase());
}

/** The one keydown listener: it dispatches shortcuts to the command registry. */
export function bindShortcuts(ctx: CommandContext): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    // An open menu handles its own keys (arrows, Escape).
    if (ctx.store.getState().fileMenuOpen) return;
    if (isTypingTarget(event.target)) {
      if (event.key === 'Escape' && event.target instanceof HTMLElement) {
        // Escape that the field did not use leaves it, so the next keys reach the chart.
        event.preventDefault();
        event.target.blur();
        document.querySelector<HTMLElement>('[data-testid="chart"]')?.focus({ preventScroll: true });
        return;
      }
      if (!isApplicationChordInText(event)) return;
    }
    const command = commandForKeystroke(event);
    if (!command) return;
    event.preventDefault();
    void runCommand(command.id, ctx);
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
