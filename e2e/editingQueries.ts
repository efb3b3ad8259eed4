import type { Page } from '@playwright/test';
import { openCaseFile } from '../db/caseFile';
import type { Db } from '../db/types';
import { shownNodes } from './chartQueries';

/** Reads the case file as it is on disk (read-only), as another program would. */
export function readCase<T>(casePath: string, read: (db: Db) => T): T {
  const store = openCaseFile(casePath, { readonly: true });
  try {
    return read(store.db);
  } finally {
    store.close();
  }
}

/** A point on the chart (page coordinates) with no node within `clearance` pixels. */
export async function emptySpot(page: Page, clearance = 60): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('chart').boundingBox();
  if (!box) throw new Error('the chart is not on the page');
  const nodes = await shownNodes(page);
  for (let y = box.y + box.height - 80; y > box.y + 80; y -= 30) {
    for (let x = box.x + box.width - 80; x > box.x + 80; x -= 30) {
      if (nodes.every((n) => Math.hypot(n.page.x - x, n.page.y - y) > clearance)) return { x, y };
    }
  }
  throw new Error('no empty spot on the chart');
}

/** The model position under a page point (what the case file would store for a node placed there). */
export async function modelPointAt(page: Page, point: { x: number; y: number }): Promise<{ x: number; y: number }> {
  return page.evaluate(({ x, y }) => {
    const chart = (window as unknown as { __workbenchChart?: { cy: { container(): HTMLElement | null; pan(): { x: number; y: number }; zoom(): number } } })
      .__workbenchChart;
    if (!chart) throw new Error('the chart is not mounted');
    const box = chart.cy.container()!.getBoundingClientRect();
    const pan = chart.cy.pan();
    const zoom = chart.cy.zoom();
    return { x: (x - box.left - pan.x) / zoom, y: (y - box.top - pan.y) / zoom };
  }, point);
}

/** A link's strength as the chart holds it, and how it is drawn (solid, dashed, dotted). */
export async function edgeStrength(page: Page, id: string): Promise<{ strength: unknown; lineStyle: unknown }> {
  return page.evaluate((edgeId) => {
    const chart = (window as unknown as { __workbenchChart?: { cy: { getElementById(id: string): { data(k: string): unknown; style(k: string): unknown } } } })
      .__workbenchChart;
    if (!chart) throw new Error('the chart is not mounted');
    const edge = chart.cy.getElementById(edgeId);
    return { strength: edge.data('strength'), lineStyle: edge.style('line-style') };
  }, id);
}

/** Selects a passage of the shown document with the mouse-up the analyst's drag ends with. */
export async function selectPassage(page: Page, passage: string): Promise<void> {
  await page.getByTestId('source-text').evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      element.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error('passage not in the document');
  }, passage);
}
