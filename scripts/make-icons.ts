import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright';
import { icnsFromPngs, icoFromPngs, type SizedPng } from './icons/iconContainers';

/**
 * Renders the app's and the case file's icons from their one source drawing each (assets/*.svg)
 * to every size the installers need, with the same Chromium the e2e tests use (offline): PNGs for
 * Linux (build/icons/NxN.png), build/icon.ico and build/icon.icns, and build/case.ico / .icns for
 * the .awcase file association. `npm run dist` runs it first; build/ is not committed.
 */

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'build');

async function render(svgFile: string): Promise<SizedPng[]> {
  const svg = readFileSync(svgFile, 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.WORKBENCH_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const images: SizedPng[] = [];
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      images.push({ size, png: await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }) });
    }
    return images;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(path.join(out, 'icons'), { recursive: true });
  const app = await render(path.join(root, 'assets', 'icon.svg'));
  for (const { size, png } of app) writeFileSync(path.join(out, 'icons', `${size}x${size}.png`), png);
  writeFileSync(path.join(out, 'icon.png'), app.find((image) => image.size === 1024)?.png ?? Buffer.alloc(0));
  writeFileSync(path.join(out, 'icon.ico'), icoFromPngs(app));
  writeFileSync(path.join(out, 'icon.icns'), icnsFromPngs(app));
  const caseIcon = await render(path.join(root, 'assets', 'case-icon.svg'));
  writeFileSync(path.join(out, 'case.ico'), icoFromPngs(caseIcon));
  writeFileSync(path.join(out, 'case.icns'), icnsFromPngs(caseIcon));
  writeFileSync(path.join(out, 'case.png'), caseIcon.find((image) => image.size === 512)?.png ?? Buffer.alloc(0));
  console.log(`icons: ${SIZES.length} sizes of the app and case icons in ${path.relative(root, out)}/ (PNG, ICO, ICNS)`);
}

main().catch((error: unknown) => {
  console.error(`make-icons: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
