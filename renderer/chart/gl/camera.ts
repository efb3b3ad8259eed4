/**
 * The WebGL layer's camera, in Cytoscape's convention so the two can share a viewport: a model
 * point is drawn at `model * zoom + pan` CSS px from the canvas's top-left corner, y growing
 * downwards. The shaders apply the same sum; these are its pure parts (the tests hold them).
 */

export interface Viewport {
  zoom: number;
  panX: number;
  panY: number;
}

export interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Where a model point is drawn, in CSS px. */
export function toScreen(view: Viewport, x: number, y: number): { x: number; y: number } {
  return { x: x * view.zoom + view.panX, y: y * view.zoom + view.panY };
}

/** The model point under a screen point (CSS px). */
export function toModel(view: Viewport, x: number, y: number): { x: number; y: number } {
  return { x: (x - view.panX) / view.zoom, y: (y - view.panY) / view.zoom };
}

/** The viewport zoomed by `factor` about a screen point, which stays where it is (a wheel zoom). */
export function zoomAbout(view: Viewport, factor: number, x: number, y: number): Viewport {
  return { zoom: view.zoom * factor, panX: x - (x - view.panX) * factor, panY: y - (y - view.panY) * factor };
}

/** The model area on a screen of width × height CSS px. */
export function visibleBounds(view: Viewport, width: number, height: number): Bounds {
  return { x1: -view.panX / view.zoom, y1: -view.panY / view.zoom, x2: (width - view.panX) / view.zoom, y2: (height - view.panY) / view.zoom };
}

/**
 * The canvas's backing size in device px for a CSS size and devicePixelRatio: at least 1×1, as
 * a WebGL drawing buffer must be.
 */
export function backingSize(cssWidth: number, cssHeight: number, pixelRatio: number): { width: number; height: number } {
  const ratio = pixelRatio > 0 && Number.isFinite(pixelRatio) ? pixelRatio : 1;
  return { width: Math.max(1, Math.round(cssWidth * ratio)), height: Math.max(1, Math.round(cssHeight * ratio)) };
}

/**
 * The four numbers the shaders take for the camera, written into `out` (no allocation per frame):
 * zoom and pan scaled to device px, so a shader gets device px as `model * out[0] + out[1..2]`,
 * and the ratio itself for line widths and anti-aliasing.
 */
export function cameraUniform(view: Viewport, pixelRatio: number, out: Float32Array): Float32Array {
  out[0] = view.zoom * pixelRatio;
  out[1] = view.panX * pixelRatio;
  out[2] = view.panY * pixelRatio;
  out[3] = pixelRatio;
  return out;
}

/**
 * Where a frame drawn at viewport `drawn` lands on a width × height CSS px screen at viewport
 * `now` (its corners, CSS px): what a moving frame shows by stretching the last full frame.
 */
export function movedFrame(drawn: Viewport, now: Viewport, width: number, height: number): Bounds {
  const k = now.zoom / drawn.zoom;
  return {
    x1: (0 - drawn.panX) * k + now.panX,
    y1: (0 - drawn.panY) * k + now.panY,
    x2: (width - drawn.panX) * k + now.panX,
    y2: (height - drawn.panY) * k + now.panY,
  };
}
