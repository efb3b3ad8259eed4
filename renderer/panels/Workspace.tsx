import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Group, Panel, Separator, usePanelRef, type Layout, type LayoutChangedMeta, type PanelSize } from 'react-resizable-panels';
import { useAnalysis } from '../analysis/useAnalysis';
import { useApp } from '../appContext';
import {
  MAIN_AREA_MIN_WIDTH,
  panelStore,
  SIDE_PANEL_DEFAULT_WIDTH,
  SIDE_PANEL_ID,
  SIDE_PANEL_MIN_WIDTH,
  sidePanelLayout,
} from './panelLayout';

/**
 * The main area and the side panel, with a divider between them: dragged (or moved with the arrow
 * keys when focused) it resizes the side panel, dragged past the panel's minimum it collapses it,
 * double-clicked it puts back the default width. The width and whether the panel is collapsed are
 * remembered in main's settings file, so the next start opens the window as it was left.
 */
export function Workspace({ main, side }: { main: ReactNode; side: ReactNode }) {
  const { settings } = useApp();
  // Read once: the layout at start-up. After that the panel itself is the truth, and settings follow it.
  const [initial] = useState(() => sidePanelLayout(settings.current()));
  const panelRef = usePanelRef();
  /** The width the panel has (or last had) when open: what expanding puts back and what is remembered. */
  const openWidth = useRef(initial.width);
  const [collapsed, setCollapsed] = useState(initial.collapsed);
  /** Set by our own commands, which resize through the panel's API (not a "user interaction" to the library). */
  const commandPending = useRef(false);

  useEffect(() => {
    panelStore.setState({ sideCollapsed: initial.collapsed });
    panelStore.attach({
      collapse: () => {
        commandPending.current = true;
        panelRef.current?.collapse();
      },
      expand: () => {
        commandPending.current = true;
        panelRef.current?.resize(openWidth.current);
      },
    });
    return () => panelStore.attach(null);
  }, [initial, panelRef]);

  // Asking for the Analysis tab (Ctrl+Shift+A, a measure from the menu) shows the panel it is in.
  const analysisOpen = useAnalysis((s) => s.panelOpen);
  useEffect(() => {
    if (analysisOpen) panelStore.showSide();
  }, [analysisOpen]);

  const onSideResize = (size: PanelSize) => {
    const nowCollapsed = panelRef.current?.isCollapsed() ?? size.inPixels === 0;
    if (!nowCollapsed) openWidth.current = Math.round(size.inPixels);
    setCollapsed(nowCollapsed);
    panelStore.setState({ sideCollapsed: nowCollapsed });
  };

  const remember = () => {
    const panel = panelRef.current;
    if (!panel) return;
    const isCollapsed = panel.isCollapsed();
    if (!isCollapsed) openWidth.current = Math.round(panel.getSize().inPixels);
    const remembered = sidePanelLayout(settings.current());
    if (remembered.width === openWidth.current && remembered.collapsed === isCollapsed) return;
    void settings.update({ panels: { [SIDE_PANEL_ID]: { width: openWidth.current, collapsed: isCollapsed } } });
  };

  const onLayoutChanged = (_layout: Layout, meta: LayoutChangedMeta) => {
    // The window being resized or the first layout are not choices the analyst made.
    if (!meta.isUserInteraction && !commandPending.current) return;
    commandPending.current = false;
    // The panel reports its new size once this change has been applied, after this call.
    requestAnimationFrame(remember);
  };

  return (
    <Group className="workspace" orientation="horizontal" onLayoutChanged={onLayoutChanged}>
      <Panel id="main" className="workspace-main" minSize={MAIN_AREA_MIN_WIDTH}>
        {main}
      </Panel>
      <Separator
        id="side-divider"
        className="panel-divider"
        aria-label="Side panel width"
        title="Drag to resize the side panel, double-click for its default width"
        disableDoubleClick
        onDoubleClick={() => {
          commandPending.current = true;
          panelRef.current?.resize(SIDE_PANEL_DEFAULT_WIDTH);
        }}
      />
      <Panel
        id={SIDE_PANEL_ID}
        className="workspace-side"
        panelRef={panelRef}
        collapsible
        collapsedSize={0}
        minSize={SIDE_PANEL_MIN_WIDTH}
        defaultSize={initial.collapsed ? 0 : initial.width}
        groupResizeBehavior="preserve-pixel-size"
        onResize={onSideResize}
      >
        {/* Collapsed, its content leaves the page: nothing hidden is left in the Tab order. */}
        {!collapsed && side}
      </Panel>
    </Group>
  );
}
