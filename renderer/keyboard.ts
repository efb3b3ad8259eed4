import { commandForKeystroke, runCommand, type CommandContext } from './commands';

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

/** The one keydown listener: it dispatches shortcuts to the command registry. */
export function bindShortcuts(ctx: CommandContext): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    if (isTypingTarget(event.target)) return;
    // An open menu handles its own keys (arrows, Escape).
    if (ctx.store.getState().fileMenuOpen) return;
    const command = commandForKeystroke(event);
    if (!command) return;
    event.preventDefault();
    void runCommand(command.id, ctx);
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
