import type { Page } from '@playwright/test';

/** How the chart draws one element now: whether it shows, its classes, and (nodes) its width on screen. */
export interface DrawnElement {
  id: string;
  label: string;
  classes: string[];
  visible: boolean;
  /** Rendered node width in model units (nodes only). */
  width: number;
  /** Background colour (nodes only). */
  colour: string;
}

interface ElementLike {
  id(): string;
  data(key: string): unknown;
  classes(): string[];
  visible(): boolean;
  width(): number;
  style(name: string): string;
}
interface AnalysisChartWindow {
  __workbenchChart?: { cy: { nodes(): { map<T>(fn: (n: ElementLike) => T): T[] }; edges(): { map<T>(fn: (e: ElementLike) => T): T[] } } };
}

async function drawn(page: Page, group: 'nodes' | 'edges'): Promise<DrawnElement[]> {
  return page.evaluate((which) => {
    const chart = (window as unknown as AnalysisChartWindow).__workbenchChart;
    if (!chart) throw new Error('the chart is not mounted');
    const list = which === 'nodes' ? chart.cy.nodes() : chart.cy.edges();
    return list.map((e) => ({
      id: e.id(),
      label: typeof e.data('label') === 'string' ? (e.data('label') as string) : '',
      classes: e.classes(),
      visible: e.visible(),
      width: which === 'nodes' ? e.width() : 0,
      colour: which === 'nodes' ? e.style('background-color') : '',
    }));
  }, group);
}

export const drawnNodes = (page: Page): Promise<DrawnElement[]> => drawn(page, 'nodes');
export const drawnEdges = (page: Page): Promise<DrawnElement[]> => drawn(page, 'edges');

/** Opens the Analysis tab of the side panel at one of its sections. */
export async function openAnalysis(page: Page, tab: 'Measures' | 'Paths' | 'Groups' | 'Filters' | 'Layout'): Promise<void> {
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByTestId('analysis-panel').getByRole('tab', { name: tab }).click();
}
