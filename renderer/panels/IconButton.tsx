import { Classes, Tooltip } from '@blueprintjs/core';
import { useApp } from '../appContext';
import { findCommand, runCommand } from '../commands';
import { Icon } from '../Icon';
import { formatShortcut } from '../shortcuts';

/** What a tooltip says: the action, and its shortcut in this platform's form (⌘ on a Mac). */
export function tooltipText(label: string, shortcut?: string): string {
  return shortcut === undefined ? label : `${label} (${formatShortcut(shortcut)})`;
}

interface IconButtonProps {
  /** The action, said by the tooltip and read by a screen reader (the button shows only an icon). */
  label: string;
  shortcut?: string;
  /** An @mdi/js path; or `glyph`, a character such as "×". */
  icon?: string;
  glyph?: string;
  /** What the tooltip says when it says more than the label ("Undo Delete JNIM"); also the button's description. */
  detail?: string;
  size?: number;
  /** More classes on Blueprint's minimal button (no fill until hovered), e.g. Classes.SMALL. */
  className?: string;
  disabled?: boolean;
  pressed?: boolean;
  onClick: () => void;
}

/**
 * A button that shows only an icon: a tooltip says what it does and its shortcut (on hover and on
 * keyboard focus), and its accessible name is the same label. Every icon-only button is one of these.
 */
export function IconButton({ label, shortcut, icon, glyph, detail, size = 17, className, disabled, pressed, onClick }: IconButtonProps) {
  return (
    <Tooltip content={tooltipText(detail ?? label, shortcut)} placement="bottom" hoverOpenDelay={400} compact>
      <button type="button" className={[Classes.BUTTON, Classes.MINIMAL, className, pressed && Classes.ACTIVE].filter(Boolean).join(' ')} aria-label={label} aria-description={detail} aria-pressed={pressed} disabled={disabled} onClick={onClick}>
        {icon !== undefined ? (
          // In Blueprint's icon wrapper the button is square and the icon muted, as Blueprint's own are.
          <span className={Classes.ICON}>
            <Icon path={icon} size={size} />
          </span>
        ) : (
          glyph
        )}
      </button>
    </Tooltip>
  );
}

/** An icon button for a registry command: its label, shortcut and enablement come from the registry. */
export function CommandIconButton({ commandId, icon, size, pressed }: { commandId: string; icon: string; size?: number; pressed?: boolean }) {
  const { commands } = useApp();
  const command = findCommand(commandId);
  if (!command) return null;
  return (
    <IconButton
      label={command.label}
      shortcut={command.shortcut}
      icon={icon}
      size={size}
      pressed={pressed}
      disabled={!command.canRun(commands)}
      onClick={() => void runCommand(commandId, commands)}
    />
  );
}
