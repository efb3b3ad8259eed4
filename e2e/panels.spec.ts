import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, waitForChart, type Workbench } from './harness';

/**
 * Issue #11, panels: the side panel is resized by dragging its divider (or with the arrow keys on
 * it), collapsed and expanded by a command, reset by a double-click; its width and state, like the
 * theme, are remembered in main's settings file. Every restart here clears the page's local
 * storage first, so what comes back can only have come from main.
 */

const DEFAULT_WIDTH = 344;

const divider = (page: Page) => page.getByRole('separator', { name: 'Side panel width' });
const sidePanel = (page: Page) => page.getByRole('complementary', { name: 'Inspector and analysis' });

async function sideWidth(page: Page): Promise<number> {
  const box = await page.getByTestId('side').boundingBox();
  return box?.width ?? 0;
}

async function restartForgettingThePage(workbench: Workbench): Promise<void> {
  await workbench.page.evaluate(() => localStorage.clear());
  await workbench.restart();
  await waitForChart(workbench.page);
}

function storedSettings(workbench: Workbench): { theme: string; panels: Record<string, { width: number; collapsed: boolean }> } {
  // Not there yet while main is still writing the first one (it writes a temporary file and renames it).
  if (!existsSync(workbench.settingsPath)) return { theme: '', panels: {} };
  return JSON.parse(readFileSync(workbench.settingsPath, 'utf8')) as { theme: string; panels: Record<string, { width: number; collapsed: boolean }> };
}

test('dragging the divider resizes the side panel, the width comes back after a restart, a double-click resets it', async ({ workbench }) => {
  const { page } = workbench;
  // The divider's drag cursor is a style the library adds while dragging: it must pass the CSP.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`));
  });
  await workbench.launch();
  await waitForChart(page);
  await expect(sidePanel(page)).toBeVisible();
  expect(await sideWidth(page)).toBeCloseTo(DEFAULT_WIDTH, 0);

  const box = await divider(page).boundingBox();
  if (!box) throw new Error('the divider is not on screen');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 80, y, { steps: 4 });
  await page.mouse.move(x - 150, y, { steps: 4 });
  await page.mouse.up();
  const dragged = await sideWidth(page);
  expect(dragged).toBeGreaterThan(DEFAULT_WIDTH + 140);
  expect(dragged).toBeLessThan(DEFAULT_WIDTH + 160);
  await expect.poll(() => storedSettings(workbench).panels.side?.width).toBe(Math.round(dragged));

  await restartForgettingThePage(workbench);
  expect(Math.abs((await sideWidth(page)) - dragged)).toBeLessThanOrEqual(1);

  await divider(page).dblclick();
  expect(await sideWidth(page)).toBeCloseTo(DEFAULT_WIDTH, 0);
  await expect.poll(() => storedSettings(workbench).panels.side).toEqual({ width: DEFAULT_WIDTH, collapsed: false });
  expect(await page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
});

test('the divider takes the keyboard focus, shows it, and the arrow keys move it', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  await divider(page).focus();
  await expect(divider(page)).toBeFocused();
  // A visible focus: an outline (or a ring) that the unfocused divider does not have.
  const outline = await divider(page).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  const before = await sideWidth(page);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const wider = await sideWidth(page);
  expect(wider).toBeGreaterThan(before + 20);
  await page.keyboard.press('ArrowRight');
  const narrower = await sideWidth(page);
  expect(narrower).toBeLessThan(wider);
  await expect.poll(() => storedSettings(workbench).panels.side?.width).toBe(Math.round(narrower));
  // The keys moved the divider, not the chart's selection or view.
  await expect(divider(page)).toBeFocused();
});

test('the side panel collapses and expands by command and by its button, and stays collapsed after a restart', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const toggle = page.getByRole('button', { name: 'Side panel (Inspector, Analysis)' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // The button's tooltip names the command and its shortcut.
  await toggle.hover();
  await expect(page.locator('.bp6-tooltip')).toHaveText('Side panel (Inspector, Analysis) (Ctrl+B)');

  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+b');
  await expect(sidePanel(page)).toHaveCount(0);
  expect(await sideWidth(page)).toBeLessThan(1);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => storedSettings(workbench).panels.side).toEqual({ width: DEFAULT_WIDTH, collapsed: true });

  await restartForgettingThePage(workbench);
  await expect(sidePanel(page)).toHaveCount(0);
  expect(await sideWidth(page)).toBeLessThan(1);

  await page.getByRole('button', { name: 'Side panel (Inspector, Analysis)' }).click();
  await expect(sidePanel(page)).toBeVisible();
  expect(await sideWidth(page)).toBeCloseTo(DEFAULT_WIDTH, 0);
  await expect.poll(() => storedSettings(workbench).panels.side).toEqual({ width: DEFAULT_WIDTH, collapsed: false });

  // Collapsed, asking for the Analysis tab brings the panel back with it.
  await page.keyboard.press('Control+b');
  await expect(sidePanel(page)).toHaveCount(0);
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+Shift+A');
  await expect(sidePanel(page)).toBeVisible();
});

test('the theme choice is remembered by main, not by the page', async ({ workbench }) => {
  const { page } = workbench;
  await page.emulateMedia({ colorScheme: 'light' });
  await workbench.launch();
  await waitForChart(page);
  await page.getByTestId('chart').focus();
  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette').getByRole('combobox').fill('Theme: dark');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => storedSettings(workbench).theme).toBe('dark');

  await restartForgettingThePage(workbench);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveClass(/bp6-dark/);
});

test('a damaged settings file is set aside, not overwritten, and the analyst is told', async ({ workbench }) => {
  const { page } = workbench;
  writeFileSync(workbench.settingsPath, '{"format":1,"theme":');
  await workbench.restart();
  await waitForChart(page);
  await expect(page.getByText(/Your settings file could not be read \(it is not JSON\)\. It was kept as settings\.unreadable-.*\.json/)).toBeVisible();
  const aside = readdirSync(dirname(workbench.settingsPath)).filter((name) => name.startsWith('settings.unreadable-'));
  expect(aside).toHaveLength(1);
  expect(readFileSync(`${dirname(workbench.settingsPath)}/${aside[0]}`, 'utf8')).toBe('{"format":1,"theme":');
  // The app goes on with the defaults, and remembers the next choice in a new file.
  expect(await sideWidth(page)).toBeCloseTo(DEFAULT_WIDTH, 0);
  await divider(page).focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => storedSettings(workbench).panels.side?.collapsed).toBe(false);
});
