import type { Page } from '@playwright/test';
import { expect, test, waitForChart } from './harness';

/**
 * Issue #11, themes: the app follows the system's light/dark setting live until the analyst picks a
 * theme in View › Theme; the pick outlives a restart; Blueprint's stylesheet breaks no CSP rule.
 */

const shownTheme = (page: Page) => page.evaluate(() => ({ theme: document.documentElement.dataset.theme, blueprintDark: document.body.classList.contains('bp6-dark') }));
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

async function runFromPalette(page: Page, label: string): Promise<void> {
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette').getByRole('combobox').fill(label);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('command-palette')).toBeHidden();
}

/** The colour Cytoscape draws the first entity's label in, as "rgb(r,g,b)". */
const chartLabelColour = (page: Page) =>
  page.evaluate(() => {
    const cy = (window as unknown as { __workbenchChart?: { cy: { nodes: () => { first: () => { style: (name: string) => string } } } } }).__workbenchChart?.cy;
    return cy ? cy.nodes().first().style('color') : '';
  });

/** Relative brightness 0..1 of "rgb(r,g,b)". */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

test('follows the system live; View › Theme overrides it and is remembered after a restart; no CSP violation', async ({ workbench }) => {
  const { page } = workbench;
  // Every refused inline style or script is reported by the page: collect them from the start.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`));
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await workbench.launch();
  await waitForChart(page);
  expect(await shownTheme(page)).toEqual({ theme: 'light', blueprintDark: false });
  const lightBackground = await background(page);

  const lightLabel = await chartLabelColour(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => shownTheme(page)).toEqual({ theme: 'dark', blueprintDark: true });
  expect(await background(page)).not.toBe(lightBackground);
  // The chart follows: its labels are drawn light on the dark canvas.
  await expect.poll(() => chartLabelColour(page)).not.toBe(lightLabel);
  expect(luminance(await chartLabelColour(page))).toBeGreaterThan(0.6);
  expect(luminance(lightLabel)).toBeLessThan(0.3);

  await runFromPalette(page, 'Theme: light');
  expect(await shownTheme(page)).toEqual({ theme: 'light', blueprintDark: false });
  // A fixed choice no longer follows the system.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await shownTheme(page)).toEqual({ theme: 'light', blueprintDark: false });

  await runFromPalette(page, 'Theme: dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await workbench.restart();
  await waitForChart(page);
  expect(await shownTheme(page)).toEqual({ theme: 'dark', blueprintDark: true });

  await runFromPalette(page, 'Theme: follow the system');
  expect(await shownTheme(page)).toEqual({ theme: 'light', blueprintDark: false });

  expect(await page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
});
