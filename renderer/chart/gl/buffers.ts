/**
 * How the WebGL layer lays its data out for the GPU (pure, so the tests hold it): textures of one
 * texel a node or a link, read by index. Node positions live in one RG32F texture that both the
 * node and the link shaders read: moving the nodes (a layout streaming positions) is one texture
 * upload, and the links, which only hold their two node indexes, follow without being rebuilt.
 */

/** The widest data texture: 2,048 texels a row keeps rows few and well under any GPU's limit. */
export const TEXTURE_ROW = 2048;

/** A data texture's size for `count` items: one texel an item, rows of up to `row` texels. */
export function dataTextureSize(count: number, row = TEXTURE_ROW): { width: number; height: number } {
  const width = Math.max(1, Math.min(row, count));
  return { width, height: Math.max(1, Math.ceil(count / width)) };
}

/**
 * Interleaves x and y into `out` (two floats a texel, row after row), the texture's layout; a
 * position that is not a number goes far off screen rather than poisoning the shader's sums.
 */
export function packPositions(x: Float32Array, y: Float32Array, out: Float32Array): Float32Array {
  const count = Math.min(x.length, y.length, out.length >> 1);
  for (let i = 0; i < count; i++) {
    const px = x[i]!;
    const py = y[i]!;
    const ok = Number.isFinite(px) && Number.isFinite(py);
    out[2 * i] = ok ? px : OFF_SCREEN;
    out[2 * i + 1] = ok ? py : OFF_SCREEN;
  }
  return out;
}

/** Where a node without a usable position is put: beyond any chart's extent. */
export const OFF_SCREEN = 3e30;

/**
 * A colour as the layer takes it: 0xRRGGBBAA in one Uint32 (`rgba('#7f8c8d')`, alpha 255 unless
 * given as #rrggbbaa).
 */
export function rgba(hex: string): number {
  const digits = hex.startsWith('#') ? hex.slice(1) : hex;
  const full = digits.length === 3 || digits.length === 4 ? [...digits].map((d) => d + d).join('') : digits;
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(full)) throw new Error(`not a colour: ${hex}`);
  return parseInt(full.length === 6 ? `${full}ff` : full, 16) >>> 0;
}

/** The colour with its alpha replaced (0..1). */
export function withAlpha(color: number, alpha: number): number {
  return ((color & 0xffffff00) | Math.round(Math.min(1, Math.max(0, alpha)) * 255)) >>> 0;
}

/** A 0xRRGGBBAA colour as four 0..1 floats (for a uniform). */
export function unitColor(color: number, out = new Float32Array(4)): Float32Array {
  out[0] = ((color >>> 24) & 0xff) / 255;
  out[1] = ((color >>> 16) & 0xff) / 255;
  out[2] = ((color >>> 8) & 0xff) / 255;
  out[3] = (color & 0xff) / 255;
  return out;
}

/**
 * The colours as the node shader reads them: 0xRRGGBBAA as bytes R, G, B, A in memory, whatever
 * the machine's byte order (a Uint32Array's bytes are the machine's; every GPU reads bytes).
 */
export function colorBytes(colors: Uint32Array, out = new Uint8Array(colors.length * 4)): Uint8Array {
  for (let i = 0; i < colors.length; i++) {
    const c = colors[i]!;
    out[4 * i] = c >>> 24;
    out[4 * i + 1] = (c >>> 16) & 0xff;
    out[4 * i + 2] = (c >>> 8) & 0xff;
    out[4 * i + 3] = c & 0xff;
  }
  return out;
}

/**
 * The links the layer can draw: pairs whose two ends are nodes (an index past `nodeCount` would
 * read another node's position, or none), in the given order. The input itself when all are.
 */
export function validEdges(edges: Uint32Array, nodeCount: number): Uint32Array {
  const pairs = edges.length >> 1;
  let valid = 0;
  for (let i = 0; i < pairs; i++) if (edges[2 * i]! < nodeCount && edges[2 * i + 1]! < nodeCount) valid++;
  if (valid === pairs && edges.length === pairs * 2) return edges;
  const out = new Uint32Array(valid * 2);
  let k = 0;
  for (let i = 0; i < pairs; i++) {
    const a = edges[2 * i]!;
    const b = edges[2 * i + 1]!;
    if (a < nodeCount && b < nodeCount) {
      out[k++] = a;
      out[k++] = b;
    }
  }
  return out;
}

/**
 * The node style texture's texels (RG32F): radius, then 1 where the node is selected (the ring)
 * and 0 elsewhere.
 */
export function packStyle(radius: Float32Array, selected: Iterable<number>, out: Float32Array): Float32Array {
  const count = Math.min(radius.length, out.length >> 1);
  for (let i = 0; i < count; i++) {
    out[2 * i] = radius[i]!;
    out[2 * i + 1] = 0;
  }
  for (const i of selected) if (i >= 0 && i < count) out[2 * i + 1] = 1;
  return out;
}
