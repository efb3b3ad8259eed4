import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chartEntityIds } from '../db/chartMembership';
import { chartPositions, defaultChart } from '../db/charts';
import { readCase } from './editingQueries';
import { expect, test, waitForChart } from './harness';

/*
 * A chart whose entities have no stored positions (a bulk import): it is drawn at once at a
 * provisional placement, laid out in the first-layout worker, and the positions are saved in one
 * step. A small chart gets fCoSE, which the worker loads on demand; a large one the force layout.
 * (How fast, and how long the UI thread is busy meanwhile, is `npm run bench`'s render section.)
 */

test.use({ startEmpty: true });

/** A bulk-imported case of n entities in a chain with shortcuts, none of them placed. */
function importUnplaced(file: (name: string) => string, n: number): string {
  const casePath = file(`unplaced-${n}.awcase`);
  const entities = ['id,type,label'];
  const links = ['source,target,type'];
  for (let i = 0; i < n; i++) {
    entities.push(`e${i},person,Person ${i}`);
    if (i > 0) links.push(`e${i},e${i - 1},associated_with`);
    if (i > 2 && i % 3 === 0) links.push(`e${i},e${(i * 7) % i},associated_with`);
  }
  writeFileSync(file('entities.csv'), `${entities.join('\n')}\n`);
  writeFileSync(file('links.csv'), `${links.join('\n')}\n`);
  const cli = resolve('dist/main/workbench.cjs');
  execFileSync(process.execPath, [cli, 'init', casePath, '--name', `Unplaced ${n}`], { stdio: 'pipe' });
  execFileSync(process.execPath, [cli, 'bulk-import', casePath, '--entities', file('entities.csv'), '--links', file('links.csv')], { stdio: 'pipe' });
  return casePath;
}

for (const n of [120, 1200]) {
  test(`a chart of ${n} unplaced entities is laid out in the worker and its positions saved (${n <= 300 ? 'fCoSE' : 'force layout'})`, async ({ workbench }) => {
    test.setTimeout(120_000);
    const { page } = workbench;
    const casePath = importUnplaced((name) => workbench.file(name), n);
    expect(readCase(casePath, (db) => chartPositions(db, defaultChart(db).id))).toEqual([]);
    expect(readCase(casePath, (db) => chartEntityIds(db, defaultChart(db).id).length)).toBe(n);

    await workbench.launch();
    workbench.dialogs.openPaths.push(casePath);
    await page.getByTestId('file-menu-button').click();
    await page.getByRole('menuitem', { name: /Open case/ }).click();
    await waitForChart(page);
    // Ready once the layout is applied and saved: every entity has a position, and no two share one.
    await expect.poll(() => readCase(casePath, (db) => chartPositions(db, defaultChart(db).id).length), { timeout: 60_000 }).toBe(n);
    const positions = readCase(casePath, (db) => chartPositions(db, defaultChart(db).id));
    expect(new Set(positions.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(n);
    await expect(page.getByText('Laying out the chart…')).toHaveCount(0);
    // The chart shows what was saved.
    const drawn = await page.evaluate(() => {
      const cy = (window as unknown as { __workbenchChart: { cy: { nodes(): { length: number; map<T>(f: (node: { id(): string; position(): { x: number; y: number } }) => T): T[] } } } }).__workbenchChart.cy;
      return cy.nodes().map((node) => ({ entityId: node.id(), ...node.position() }));
    });
    const saved = new Map(positions.map((p) => [p.entityId, p]));
    expect(drawn).toHaveLength(n);
    for (const node of drawn) {
      const p = saved.get(node.entityId);
      expect(p, node.entityId).toBeDefined();
      expect(Math.abs(p!.x - node.x)).toBeLessThan(1);
      expect(Math.abs(p!.y - node.y)).toBeLessThan(1);
    }
  });
}
