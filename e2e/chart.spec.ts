import { openCaseFile } from '../db/caseFile';
import { chartPositions, defaultChart } from '../db/charts';
import { nodeByLabel, shownEdges, shownNodes } from './chartQueries';
import { expect, test, waitForChart } from './harness';

const FOUNDING_FACTIONS = ['AQIM’s Sahara branch', 'Ansar al-Din', 'al-Murabitoon', 'Katibat Macina'];

test('the chart shows JNIM and its four founding factions, each linked to it', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);

  const nodes = await shownNodes(page);
  const jnim = nodes.find((n) => n.label === 'JNIM');
  expect(jnim, 'JNIM is on the chart').toBeDefined();
  const edges = await shownEdges(page);
  for (const name of FOUNDING_FACTIONS) {
    const faction = nodes.find((n) => n.label.toLowerCase() === name.toLowerCase());
    expect(faction, `${name} is on the chart`).toBeDefined();
    expect(faction!.onScreen, `${name} is in view`).toBe(true);
    const link = edges.find((e) => e.source === faction!.id && e.target === jnim!.id && e.label === 'founding faction of');
    expect(link, `${name} is linked to JNIM as a founding faction`).toBeDefined();
  }
  await expect(page.getByTestId('legend')).toContainText('Armed group');
  await expect(page.getByTestId('status-bar')).toContainText(String(nodes.length));
});

test('selecting Iyad ag Ghali shows his citations in the inspector', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');
  await page.mouse.click(iyad.page.x, iyad.page.y);

  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('Iyad ag Ghali');
  await expect(inspector).toContainText('Person');
  await expect(inspector.locator('blockquote').first()).toContainText('Iyad ag Ghali');
  await expect(inspector).toContainText('Jama’at Nasr al-Islam wal Muslimin: a merger of al-Qaeda affiliates');
  await expect(inspector).toContainText(/C[1-6]/);
});

test('a dragged node keeps its place after the app restarts', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.launch();
  await waitForChart(page);
  const before = await nodeByLabel(page, 'Iyad ag Ghali');

  await page.mouse.move(before.page.x, before.page.y);
  await page.mouse.down();
  await page.mouse.move(before.page.x + 60, before.page.y + 30, { steps: 5 });
  await page.mouse.move(before.page.x + 120, before.page.y + 70, { steps: 5 });
  await page.mouse.up();

  const dragged = await nodeByLabel(page, 'Iyad ag Ghali');
  expect(Math.hypot(dragged.position.x - before.position.x, dragged.position.y - before.position.y)).toBeGreaterThan(20);

  // The case file holds the new place once the drag has ended.
  await expect
    .poll(() => {
      const store = openCaseFile(workbench.casePath, { readonly: true });
      try {
        const saved = chartPositions(store.db, defaultChart(store.db).id).find((p) => p.entityId === dragged.id);
        return saved ? Math.hypot(saved.x - dragged.position.x, saved.y - dragged.position.y) : Infinity;
      } finally {
        store.close();
      }
    })
    .toBeLessThan(0.5);

  await workbench.restart();
  await waitForChart(page);
  const after = await nodeByLabel(page, 'Iyad ag Ghali');
  expect(after.position.x).toBeCloseTo(dragged.position.x, 1);
  expect(after.position.y).toBeCloseTo(dragged.position.y, 1);
});

test('no request leaves the machine', async ({ workbench }) => {
  const { page } = workbench;
  const seen: string[] = [];
  page.on('request', (request) => seen.push(request.url()));
  await workbench.launch();
  await waitForChart(page);
  const iyad = await nodeByLabel(page, 'Iyad ag Ghali');
  await page.mouse.click(iyad.page.x, iyad.page.y);
  await expect(page.getByTestId('inspector')).toContainText('Iyad ag Ghali');
  expect(seen.length).toBeGreaterThan(0);
  const remote = seen.filter((url) => !url.startsWith('http://workbench.localhost/') && !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(remote).toEqual([]);
  expect(workbench.blockedRequests).toEqual([]);
});

test('the page asks for the open case, its chart (its sketch first) and the settings once each, from its first script on', async ({ workbench }) => {
  const { page } = workbench;
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await workbench.launch();
  await waitForChart(page);
  // The early script (renderer/early/earlyScript.ts) comes before the bundle, after the CSP.
  const head = await page.evaluate(() => [...document.head.children].map((e) => e.getAttribute('http-equiv') ?? e.getAttribute('src') ?? e.tagName.toLowerCase()));
  const early = head.indexOf('./early.js');
  expect(early, 'the early script is in the head').toBeGreaterThan(head.indexOf('Content-Security-Policy'));
  expect(head.findIndex((entry) => /^\.\/assets\/index-.*\.js$/.test(entry)), 'the bundle comes after it').toBeGreaterThan(early);
  expect(scripts[0]).toBe('/early.js');
  // It asked which case is open and for the settings; the bundle asked for the chart's sketch and
  // then the chart as it began, and the session used those replies instead of asking again.
  const opening = workbench.calls.slice(0, workbench.calls.indexOf('chart.load') + 1);
  expect(opening.slice(0, 2)).toEqual(['case.current', 'settings.get']);
  expect(opening.indexOf('chart.sketch')).toBeLessThan(opening.indexOf('chart.load'));
  for (const channel of ['case.current', 'settings.get', 'chart.sketch', 'chart.load']) {
    expect(workbench.calls.filter((c) => c === channel), channel).toHaveLength(1);
  }
  expect(await page.evaluate(() => performance.getEntriesByName('renderer-start').length)).toBe(1);
});

test.describe('with no case open', () => {
  test.use({ startEmpty: true });
  test('the page asks for no chart', async ({ workbench }) => {
    const { page } = workbench;
    await workbench.launch();
    await expect(page.getByTestId('empty-state')).toBeVisible();
    expect(workbench.calls).toContain('case.current');
    expect(workbench.calls).not.toContain('chart.load');
    expect(workbench.calls).not.toContain('chart.sketch');
  });
});
