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
