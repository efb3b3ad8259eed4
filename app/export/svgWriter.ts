import { lineBaseline, lineStart, textBlockBox, textBlockCentre, type Fill, type PathCommand, type Scene, type SceneItem, type Stroke, type TextItem } from './scene';
import { cleanText } from './text';

/**
 * Writes a scene as a standalone SVG 1.1 document, by hand: every attribute value is a number we
 * format, a colour we check, or an id we made, and every piece of text is cleaned and escaped.
 * The output never holds script, foreignObject, event attributes, style sheets or any reference
 * outside the document (the only references are `#icon-…` symbols defined in it).
 */

/** What the SVG names as its font: the one the scene was measured with, then look-alikes. */
export const SVG_FONT_FAMILY = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif";

const COLOUR = /^#[0-9a-f]{6}$/;
/** Path data of our icon catalogue: commands, numbers, separators; nothing else is let through. */
const PATH_DATA = /^[MmLlHhVvCcSsQqTtAaZz0-9eE.,\s+-]*$/;
const SYMBOL_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function colour(value: string): string {
  const lower = value.toLowerCase();
  return COLOUR.test(lower) ? lower : '#000000';
}

/** Text content: cleaned of what XML forbids, then `&`, `<` and `>` escaped. */
export function escapeText(text: string): string {
  return cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, ' ');
}

/** An attribute value (always written in double quotes). */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function opacityAttr(name: string, opacity: number | undefined): string {
  return opacity === undefined || opacity >= 1 ? '' : ` ${name}="${num(Math.max(0, opacity))}"`;
}

function paint(fill: Fill | undefined, stroke: Stroke | undefined): string {
  let out = fill ? ` fill="${colour(fill.colour)}"${opacityAttr('fill-opacity', fill.opacity)}` : ' fill="none"';
  if (stroke) {
    out += ` stroke="${colour(stroke.colour)}" stroke-width="${num(stroke.width)}"${opacityAttr('stroke-opacity', stroke.opacity)}`;
    if (stroke.dash && stroke.dash.length > 0) out += ` stroke-dasharray="${stroke.dash.map(num).join(' ')}"`;
  }
  return out;
}

export function pathData(commands: readonly PathCommand[]): string {
  return commands
    .map((c) => {
      switch (c.op) {
        case 'M':
        case 'L':
          return `${c.op}${num(c.x)} ${num(c.y)}`;
        case 'Q':
          return `Q${num(c.cx)} ${num(c.cy)} ${num(c.x)} ${num(c.y)}`;
        case 'C':
          return `C${num(c.c1x)} ${num(c.c1y)} ${num(c.c2x)} ${num(c.c2y)} ${num(c.x)} ${num(c.y)}`;
        case 'Z':
          return 'Z';
      }
    })
    .join('');
}

function textElement(item: TextItem): string {
  const rotate = item.rotation ? (() => {
    const c = textBlockCentre(item);
    return ` transform="rotate(${num(item.rotation)} ${num(c.x)} ${num(c.y)})"`;
  })() : '';
  let out = '';
  if (item.background) {
    const box = textBlockBox(item);
    const pad = item.background.padding;
    const radius = item.background.radius ?? 0;
    out += `<rect x="${num(box.x1 - pad)}" y="${num(box.y1 - pad)}" width="${num(box.x2 - box.x1 + 2 * pad)}" height="${num(box.y2 - box.y1 + 2 * pad)}"${radius > 0 ? ` rx="${num(radius)}"` : ''}${paint({ colour: item.background.colour, ...(item.background.opacity !== undefined ? { opacity: item.background.opacity } : {}) }, undefined)}${rotate}/>`;
  }
  const lines = item.lines
    .map((line, i) => `<tspan x="${num(lineStart(item, i))}" y="${num(lineBaseline(item, i))}">${escapeText(line.text)}</tspan>`)
    .join('');
  out +=
    `<text font-family="${escapeAttribute(SVG_FONT_FAMILY)}" font-size="${num(item.fontSize)}"${item.weight === 'bold' ? ' font-weight="bold"' : ''}` +
    ` fill="${colour(item.colour)}"${opacityAttr('fill-opacity', item.opacity)}${rotate}>${lines}</text>`;
  return out;
}

function element(item: SceneItem, symbols: ReadonlySet<string>): string {
  switch (item.kind) {
    case 'circle':
      return `<circle cx="${num(item.cx)}" cy="${num(item.cy)}" r="${num(item.r)}"${paint(item.fill, item.stroke)}/>`;
    case 'ellipse':
      return `<ellipse cx="${num(item.cx)}" cy="${num(item.cy)}" rx="${num(item.rx)}" ry="${num(item.ry)}"${paint(item.fill, item.stroke)}/>`;
    case 'rect':
      return `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.width)}" height="${num(item.height)}"${item.radius ? ` rx="${num(item.radius)}"` : ''}${paint(item.fill, item.stroke)}/>`;
    case 'path':
      return `<path d="${pathData(item.commands)}"${paint(item.fill, item.stroke)}${item.stroke ? ' stroke-linejoin="round"' : ''}/>`;
    case 'icon':
      if (!symbols.has(item.symbol)) return '';
      return `<use xlink:href="#${item.symbol}" x="${num(item.x)}" y="${num(item.y)}" width="${num(item.size)}" height="${num(item.size)}" fill="${colour(item.colour)}"${opacityAttr('fill-opacity', item.opacity)}/>`;
    case 'text':
      return textElement(item);
  }
}

/** The physical size attributes: millimetres for paper, CSS pixels otherwise. */
function sizeAttributes(scene: Scene): string {
  if (scene.paper) return `width="${num(scene.paper.widthMm)}mm" height="${num(scene.paper.heightMm)}mm"`;
  return `width="${num(scene.width)}" height="${num(scene.height)}"`;
}

/** The scene as an SVG document (UTF-8 text). */
export function sceneToSvg(scene: Scene): string {
  const parts: string[] = [];
  parts.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" ${sizeAttributes(scene)} viewBox="0 0 ${num(scene.width)} ${num(scene.height)}">\n`,
  );
  if (scene.meta.title) parts.push(`<title>${escapeText(scene.meta.title)}</title>\n`);
  if (scene.meta.subject) parts.push(`<desc>${escapeText(scene.meta.subject)}</desc>\n`);

  const symbols = new Set<string>();
  const defs: string[] = [];
  for (const symbol of scene.symbols) {
    if (!SYMBOL_ID.test(symbol.id) || !PATH_DATA.test(symbol.path) || symbols.has(symbol.id)) continue;
    symbols.add(symbol.id);
    defs.push(`<symbol id="${symbol.id}" viewBox="0 0 24 24"><path d="${symbol.path}"/></symbol>`);
  }
  if (defs.length > 0) parts.push(`<defs>${defs.join('')}</defs>\n`);

  if (scene.background) parts.push(`<rect x="0" y="0" width="${num(scene.width)}" height="${num(scene.height)}" fill="${colour(scene.background)}"/>\n`);

  const t = scene.chart.transform;
  parts.push(`<g transform="matrix(${num(t.scale)} 0 0 ${num(t.scale)} ${num(t.tx)} ${num(t.ty)})">\n`);
  for (const item of scene.chart.items) parts.push(element(item, symbols), '\n');
  parts.push('</g>\n');
  for (const item of scene.page) parts.push(element(item, symbols), '\n');
  parts.push('</svg>\n');
  return parts.join('');
}
