import type { Page } from '@playwright/test';

/** What the chart shows of one node: its label, and where it is on the screen (page coordinates). */
export interface ShownNode {
  id: string;
  label: string;
  /** Model position (what the case file stores). */
  position: { x: number; y: number };
  /** Centre on the page, for mouse actions. */
  page: { x: number; y: number };
  /** True when the centre is inside the chart's visible area. */
  onScreen: boolean;
}

export interface ShownEdge {
  id: string;
  label: string;
  source: string;
  target: string;
}

interface ChartWindow {
  __workbenchChart?: {
    cy: {
      container(): HTMLElement | null;
      nodes(): { map<T>(fn: (n: NodeLike) => T): T[] };
      edges(): { map<T>(fn: (e: EdgeLike) => T): T[] };
    };
  };
}
interface NodeLike {
  id(): string;
  data(key: string): unknown;
  position(): { x: number; y: number };
  renderedPosition(): { x: number; y: number };
}
interface EdgeLike {
  id(): string;
  data(key: string): unknown;
}

/** Every node the chart draws, read from the live Cytoscape instance. */
export async function shownNodes(page: Page): Promise<ShownNode[]> {
  return page.evaluate(() => {
    const chart = (window as unknown as ChartWindow).__workbenchChart;
    if (!chart) throw new Error('the chart is not mounted');
    const box = chart.cy.container()!.getBoundingClientRect();
    return chart.cy.nodes().map((n) => {
      const r = n.renderedPosition();
      return {
        id: n.id(),
        label: String(n.data('label')),
        position: n.position(),
        page: { x: box.left + r.x, y: box.top + r.y },
        onScreen: r.x >= 0 && r.y >= 0 && r.x <= box.width && r.y <= box.height,
      };
    });
  });
}

export async function shownEdges(page: Page): Promise<ShownEdge[]> {
  return page.evaluate(() => {
    const chart = (window as unknown as ChartWindow).__workbenchChart;
    if (!chart) throw new Error('the chart is not mounted');
    return chart.cy.edges().map((e) => ({
      id: e.id(),
      label: String(e.data('label')),
      source: String(e.data('source')),
      target: String(e.data('target')),
    }));
  });
}

export async function nodeByLabel(page: Page, label: string): Promise<ShownNode> {
  const node = (await shownNodes(page)).find((n) => n.label === label);
  if (!node) throw new Error(`no node labelled "${label}" on the chart`);
  return node;
}
