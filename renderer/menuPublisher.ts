import type { WorkbenchApi } from '../app/bridge';
import type { MenuModel } from '../app/menuModel';
import { COMMANDS, type Command, type CommandContext } from './commands';

interface Subscribable {
  subscribe: (listener: () => void) => () => void;
}

/** The menu bar the registry describes now: every command, its label, shortcut and whether it can run. */
export function menuModelOf(commands: readonly Command[], ctx: CommandContext): MenuModel {
  return {
    items: commands.map((command) => ({
      commandId: command.id,
      label: command.label,
      ...(command.shortcut !== undefined ? { shortcut: command.shortcut } : {}),
      enabled: command.canRun(ctx),
      ...(command.checked ? { checked: command.checked(ctx) } : {}),
      place: command.menu,
    })),
  };
}

/**
 * Keeps main's native menu in step with the registry: after any change to the stores that decide
 * whether a command can run, the model is computed once (changes in one task are coalesced) and
 * sent when it differs from the last one sent.
 */
export function publishMenuModel(
  api: Pick<WorkbenchApi, 'menu.update'>,
  ctx: CommandContext,
  stores: readonly Subscribable[],
  commands: readonly Command[] = COMMANDS,
): () => void {
  let sent = '';
  let scheduled = false;
  const publish = () => {
    scheduled = false;
    const model = menuModelOf(commands, ctx);
    const text = JSON.stringify(model);
    if (text === sent) return;
    sent = text;
    void api['menu.update'](model);
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(publish, 0);
  };
  const unsubscribes = stores.map((store) => store.subscribe(schedule));
  publish();
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
