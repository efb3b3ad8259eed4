import { Classes } from '@blueprintjs/core';
import { mdiDockRight, mdiFitToScreenOutline, mdiGraphOutline, mdiHub, mdiMagnifyMinusOutline, mdiMagnifyPlusOutline } from '@mdi/js';
import { useApp } from '../appContext';
import { Icon } from '../Icon';
import { useStore } from '../store';
import { FileMenu } from './FileMenu';
import { CommandIconButton } from './IconButton';
import { panelStore } from './panelLayout';

/** Blueprint's row of minimal buttons. */
const TOOLBAR = `${Classes.BUTTON_GROUP} ${Classes.MINIMAL}`;

/** The window's top bar (in Blueprint's navbar): the File menu, chart tools and the open case's name. */
export function TopBar() {
  const { store } = useApp();
  // Tool buttons enable and disable with these.
  useStore(store, (s) => s.chartStatus);
  useStore(store, (s) => s.layoutRunning);
  const caseName = useStore(store, (s) => s.caseInfo?.name ?? null);
  const sideOpen = useStore(panelStore, (s) => s.sideMounted && !s.sideCollapsed);
  return (
    <>
      <div className={`${Classes.NAVBAR_HEADING} brand`} aria-hidden="true">
        <span className={`${Classes.ICON} ${Classes.INTENT_PRIMARY}`}>
          <Icon path={mdiHub} size={18} />
        </span>
        Analyst Workbench
      </div>
      <nav className="menubar" aria-label="Application">
        <FileMenu />
      </nav>
      <span className={Classes.NAVBAR_DIVIDER} />
      <div className={TOOLBAR} role="toolbar" aria-label="Chart">
        <CommandIconButton commandId="chart.fit" icon={mdiFitToScreenOutline} />
        <CommandIconButton commandId="chart.zoomIn" icon={mdiMagnifyPlusOutline} />
        <CommandIconButton commandId="chart.zoomOut" icon={mdiMagnifyMinusOutline} />
        <span className={Classes.DIVIDER} />
        <CommandIconButton commandId="chart.relayout" icon={mdiGraphOutline} />
      </div>
      <div className={`${Classes.TEXT_MUTED} ${Classes.TEXT_OVERFLOW_ELLIPSIS} topbar-title`}>{caseName}</div>
      <div className={TOOLBAR} role="toolbar" aria-label="Window">
        <CommandIconButton commandId="view.sidePanel" icon={mdiDockRight} pressed={sideOpen} />
      </div>
    </>
  );
}
