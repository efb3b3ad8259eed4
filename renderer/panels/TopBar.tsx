import { mdiFitToScreenOutline, mdiGraphOutline, mdiHub, mdiMagnifyMinusOutline, mdiMagnifyPlusOutline } from '@mdi/js';
import { useApp } from '../appContext';
import { findCommand, runCommand } from '../commands';
import { Icon } from '../Icon';
import { formatShortcut } from '../shortcuts';
import { useStore } from '../store';
import { FileMenu } from './FileMenu';

function ToolButton({ commandId, icon }: { commandId: string; icon: string }) {
  const { commands } = useApp();
  const command = findCommand(commandId);
  if (!command) return null;
  const hint = command.shortcut !== undefined ? `${command.label} (${formatShortcut(command.shortcut)})` : command.label;
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={command.label}
      title={hint}
      disabled={!command.canRun(commands)}
      onClick={() => void runCommand(commandId, commands)}
    >
      <Icon path={icon} size={17} />
    </button>
  );
}

/** The window's top bar: the File menu, chart tools and the open case's name. */
export function TopBar() {
  const { store } = useApp();
  // Tool buttons enable and disable with these.
  useStore(store, (s) => s.chartStatus);
  useStore(store, (s) => s.layoutRunning);
  const caseName = useStore(store, (s) => s.caseInfo?.name ?? null);
  return (
    <>
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">
          <Icon path={mdiHub} size={18} />
        </span>
        Analyst Workbench
      </div>
      <nav className="menubar" aria-label="Application">
        <FileMenu />
      </nav>
      <div className="toolbar" role="toolbar" aria-label="Chart">
        <ToolButton commandId="chart.fit" icon={mdiFitToScreenOutline} />
        <ToolButton commandId="chart.zoomIn" icon={mdiMagnifyPlusOutline} />
        <ToolButton commandId="chart.zoomOut" icon={mdiMagnifyMinusOutline} />
        <span className="toolbar-separator" />
        <ToolButton commandId="chart.relayout" icon={mdiGraphOutline} />
      </div>
      <div className="topbar-title">{caseName}</div>
    </>
  );
}
