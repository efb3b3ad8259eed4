import { entityTypeDefinition } from '../../app/entityTypes';

/*
 * Entity icons as SVG data URIs built from the catalogue's MDI paths: bundled with the app (no
 * network, allowed by the CSP's `img-src data:`), built once per type and cached.
 */

const glyphs = new Map<string, string>();
const badges = new Map<string, string>();

function svgUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The type's icon in white on a transparent square: drawn over the node's coloured disc. */
export function entityGlyphUri(typeId: string): string {
  const definition = entityTypeDefinition(typeId);
  let uri = glyphs.get(definition.id);
  if (uri === undefined) {
    uri = svgUri(
      `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 24 24"><path fill="#ffffff" d="${definition.iconPath}"/></svg>`,
    );
    glyphs.set(definition.id, uri);
  }
  return uri;
}

const rasterGlyphs = new Map<string, string>();
/** The raster icons' size (px): sharp up to a 50 px node at zoom 3. */
const RASTER_GLYPH_PX = 96;

/**
 * The type's icon as entityGlyphUri draws it, but as a PNG: a large chart draws thousands of
 * icons, and Chromium rasterises an SVG image again for each one (measured in `npm run bench`,
 * render). Drawn once per type from the same MDI path; where there is no canvas (unit tests in
 * Node) the SVG icon stands in.
 */
export function rasterGlyphUri(typeId: string): string {
  const definition = entityTypeDefinition(typeId);
  let uri = rasterGlyphs.get(definition.id);
  if (uri === undefined) {
    uri = drawGlyphPng(definition.iconPath) ?? entityGlyphUri(definition.id);
    rasterGlyphs.set(definition.id, uri);
  }
  return uri;
}

function drawGlyphPng(iconPath: string): string | null {
  if (typeof document === 'undefined' || typeof Path2D === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = RASTER_GLYPH_PX;
  canvas.height = RASTER_GLYPH_PX;
  const context = canvas.getContext('2d');
  if (!context) return null;
  // The MDI paths are drawn on a 24 px grid.
  context.scale(RASTER_GLYPH_PX / 24, RASTER_GLYPH_PX / 24);
  context.fillStyle = '#ffffff';
  context.fill(new Path2D(iconPath));
  return canvas.toDataURL('image/png');
}

/** The type's icon in white on its coloured disc, as the chart draws it: for the legend and panels. */
export function entityBadgeUri(typeId: string): string {
  const definition = entityTypeDefinition(typeId);
  let uri = badges.get(definition.id);
  if (uri === undefined) {
    uri = svgUri(
      `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">` +
        `<circle cx="16" cy="16" r="16" fill="${definition.color}"/>` +
        `<path fill="#ffffff" transform="translate(6.4 6.4) scale(0.8)" d="${definition.iconPath}"/></svg>`,
    );
    badges.set(definition.id, uri);
  }
  return uri;
}

/** The note badge drawn at a node's top-right corner: its image and its size on the chart (px). */
export interface NoteBadge {
  uri: string;
  width: number;
  height: number;
}

/** Badge height on the chart; the width grows with the digits ("9", "42", "99+"). */
export const NOTE_BADGE_HEIGHT = 15;
const noteBadges = new Map<string, NoteBadge>();

/** What a badge says for a note count: past 99 the exact number would only crowd the node. */
export function noteBadgeText(count: number): string {
  return count > 99 ? '99+' : String(Math.max(0, Math.floor(count)));
}

/**
 * A dark rounded badge with the note count in white, as an SVG data URI, cached per text (a
 * chart has few distinct counts). Drawn four times larger than shown so it stays sharp when
 * zoomed in; the text is digits and "+" only, never analyst text.
 */
export function noteBadge(count: number): NoteBadge {
  const text = noteBadgeText(count);
  let badge = noteBadges.get(text);
  if (badge === undefined) {
    const height = NOTE_BADGE_HEIGHT;
    const width = height + Math.max(0, text.length - 1) * 6;
    const scale = 4;
    badge = {
      uri: svgUri(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width * scale}" height="${height * scale}" viewBox="0 0 ${width} ${height}">` +
          `<rect x="0.75" y="0.75" width="${width - 1.5}" height="${height - 1.5}" rx="${(height - 1.5) / 2}" fill="#1f2328" stroke="#ffffff" stroke-width="1.5"/>` +
          `<text x="${width / 2}" y="${height / 2}" dy="0.35em" text-anchor="middle" font-family="system-ui, Arial, sans-serif" font-size="10" font-weight="700" fill="#ffffff">${text}</text></svg>`,
      ),
      width,
      height,
    };
    noteBadges.set(text, badge);
  }
  return badge;
}
