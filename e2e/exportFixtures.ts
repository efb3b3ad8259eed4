import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { SaxesParser } from 'saxes';
import { ENTITY_TYPES } from '../app/entityTypes';
import { createCaseFile } from '../db/caseFile';
import { defaultChart, saveChartPositions } from '../db/charts';
import { insertEntity } from '../db/entities';
import { insertLink } from '../db/links';

/** Where the last export drew the chart (renderer/export/exportRunner.ts `ExportRecord`). */
export interface LastExport {
  format: string;
  width: number;
  height: number;
  pixelsPerUnit: number;
  transform: { scale: number; tx: number; ty: number };
  frame: { x1: number; y1: number; x2: number; y2: number };
  nodes: { id: string; x: number; y: number; fill: string }[];
  elapsedMs: number;
  phases: Record<string, number>;
}

export async function lastExport(page: Page): Promise<LastExport> {
  const record = await page.evaluate(() => (window as unknown as { __workbenchLastExport?: LastExport }).__workbenchLastExport ?? null);
  if (!record) throw new Error('no export has finished in this page');
  return record;
}

/**
 * A case of `count` entities laid out `columns` to a row, `spacing` apart, each linked to its right
 * and lower neighbours (positions stored, so the app draws them where they are without a layout).
 */
export function createGridCase(path: string, count: number, columns: number, spacing: number): void {
  const store = createCaseFile(path, { name: 'Grid' });
  try {
    store.db.transaction(() => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const type = ENTITY_TYPES[i % ENTITY_TYPES.length]!;
        ids.push(insertEntity(store.db, { type: type.id, label: `${type.label} ${i}` }).id);
      }
      const link = (a: number, b: number) =>
        insertLink(store.db, { type: (a + b) % 3 === 0 ? 'fights' : 'member_of', sourceId: ids[a]!, targetId: ids[b]!, directed: true });
      for (let i = 0; i < count; i++) {
        if ((i + 1) % columns !== 0 && i + 1 < count) link(i, i + 1);
        if (i + columns < count) link(i, i + columns);
      }
      saveChartPositions(
        store.db,
        defaultChart(store.db).id,
        ids.map((entityId, i) => ({ entityId, x: (i % columns) * spacing, y: Math.floor(i / columns) * spacing })),
      );
    })();
  } finally {
    store.close();
  }
}

export function readPng(path: string): PNG & { ppm: number | null } {
  const bytes = readFileSync(path);
  const png = PNG.sync.read(bytes) as unknown as PNG & { ppm: number | null };
  const at = bytes.indexOf('pHYs', 8, 'latin1');
  png.ppm = at < 0 ? null : bytes.readUInt32BE(at + 4);
  return png;
}

export function pixel(png: PNG, x: number, y: number): [number, number, number, number] {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
}

export function hex(colour: string): [number, number, number] {
  return [parseInt(colour.slice(1, 3), 16), parseInt(colour.slice(3, 5), 16), parseInt(colour.slice(5, 7), 16)];
}

export function near(a: readonly number[], b: readonly number[], tolerance = 24): boolean {
  return Math.abs(a[0]! - b[0]!) <= tolerance && Math.abs(a[1]! - b[1]!) <= tolerance && Math.abs(a[2]! - b[2]!) <= tolerance;
}

/** True when some pixel of the rectangle is near the colour (opaque). */
export function regionHas(png: PNG, box: { x1: number; y1: number; x2: number; y2: number }, colour: readonly number[], tolerance = 24): boolean {
  for (let y = Math.max(0, Math.floor(box.y1)); y < Math.min(png.height, Math.ceil(box.y2)); y++) {
    for (let x = Math.max(0, Math.floor(box.x1)); x < Math.min(png.width, Math.ceil(box.x2)); x++) {
      const p = pixel(png, x, y);
      if (p[3] > 200 && near(p, colour, tolerance)) return true;
    }
  }
  return false;
}

/** The text of every <text> element of an SVG (its tspans joined by a space), parsed strictly. */
export function svgTexts(svg: string): { texts: string[]; elements: { name: string; attributes: Record<string, string> }[] } {
  const parser = new SaxesParser();
  const texts: string[] = [];
  const elements: { name: string; attributes: Record<string, string> }[] = [];
  let lines: string[] | null = null;
  let current = '';
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attributes[key] = String(value);
    elements.push({ name: tag.name, attributes });
    if (tag.name === 'text') lines = [];
    if (tag.name === 'tspan') current = '';
  });
  parser.on('text', (text) => {
    if (lines) current += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'tspan' && lines) lines.push(current);
    if (tag.name === 'text' && lines) {
      texts.push(lines.join(' '));
      lines = null;
    }
  });
  parser.write(svg).close();
  return { texts, elements };
}

/** No export left a temporary file beside its target. */
export function leftoverParts(file: string): string[] {
  const dir = dirname(file);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.part')) : [];
}
