/**
 * A WebGL2 drawing layer for large charts (issue #14): nodes as quads cut into anti-aliased
 * discs with a border (and a ring when selected), links as anti-aliased quads (or GL_LINES,
 * `edges: 'lines'`, kept for the comparison in docs/architecture.md), labels on a 2D canvas over
 * it (labels.ts), a hit test for clicks (hitTest.ts). Two draw calls a frame, no vertex
 * attributes: the shaders read textures by vertex index (shaders.ts says why).
 *
 * Cost model: setGraph uploads everything once; setPositions is one texture upload (the links
 * read their ends' positions from the same texture); setSelected one small texture upload;
 * setViewport and draw change uniforms only, allocate nothing and rebuild no buffer. The viewport is Cytoscape's (rendered =
 * model × zoom + pan, CSS px), so the layer can take over a chart's viewport as it stands.
 *
 * Not wired into the chart yet: the bench page e2e/bench/pages/glPage.ts drives it.
 */
import { backingSize, cameraUniform, movedFrame, toModel, type Viewport } from './camera';
import { colorBytes, dataTextureSize, packPositions, packStyle, rgba, unitColor, validEdges } from './buffers';
import { buildHitGrid, nodeAt, type HitGrid } from './hitTest';
import { chooseLabels, LABEL_DEFAULTS, LabelLayer, labelScratch, type LabelNodes, type LabelOptions } from './labels';
import { EDGE_LINE_FRAGMENT, EDGE_LINE_VERTEX, EDGE_QUAD_FRAGMENT, EDGE_QUAD_VERTEX, NODE_FRAGMENT, NODE_VERTEX } from './shaders';

export interface GlGraph {
  x: Float32Array;
  y: Float32Array;
  /** Model units (drawn as radius × zoom, as Cytoscape scales a node). */
  radius: Float32Array;
  /** One 0xRRGGBBAA a node (buffers.ts rgba). */
  color: Uint32Array;
  /** Pairs of node indexes. */
  edges: Uint32Array;
  /** 0xRRGGBBAA for every link. */
  edgeColor: number;
  /** 0xRRGGBBAA a link (as `edges` pairs them), where links differ (their type's colour, faded); edgeColor otherwise. */
  edgeColors?: Uint32Array;
  /** A label a node (optional; drawn only with `labelCanvas`). */
  labels?: readonly string[];
  /** Where labels compete for room, the higher wins (e.g. degree); the radius when missing. */
  labelPriority?: ArrayLike<number>;
}

/** A graph's per-node arrays for `count` nodes, to fill, and a map from node id to its index. */
export function nodeArrays(count: number): {
  x: Float32Array;
  y: Float32Array;
  radius: Float32Array;
  color: Uint32Array;
  labels: string[];
  labelPriority: Float32Array;
  index: Map<string, number>;
} {
  return {
    x: new Float32Array(count),
    y: new Float32Array(count),
    radius: new Float32Array(count),
    color: new Uint32Array(count),
    labels: new Array<string>(count),
    labelPriority: new Float32Array(count),
    index: new Map<string, number>(),
  };
}

export interface GlSceneOptions {
  /**
   * 'quads' (anti-aliased, `edgeWidthPx` wide), 'lines' (GL_LINES: one device pixel, aliased) or
   * 'auto': quads, and lines from LINES_FROM links.
   */
  edges: 'quads' | 'lines' | 'auto';
  edgeWidthPx: number;
  /** A node is drawn at least this radius (CSS px) however far the chart is zoomed out. */
  minRadiusPx: number;
  borderWidthPx: number;
  /** The border's colour is the fill's times this. */
  borderShade: number;
  ringColor: number;
  ringGapPx: number;
  ringWidthPx: number;
  background: number;
  /** A 2D canvas over the WebGL one for labels (same CSS size); none: no labels. */
  labelCanvas: HTMLCanvasElement | null;
  labelOptions: LabelOptions;
  /** devicePixelRatio (a test or a bench may fix it). */
  pixelRatio: () => number;
  /** After a moving frame, the full frame is drawn once the viewport has rested this long (ms). */
  settleMs: number;
}

/**
 * From this many links 'auto' draws them as GL_LINES. Without a GPU the links' pixels are most
 * of a frame's cost, and a 1 px line has half the pixels of an anti-aliased quad: 20,000 nodes
 * and 50,000 links redraw in ~540 ms with lines against ~850 ms with quads (npm run bench, render);
 * on a chart that dense, anti-aliasing is not what the analyst sees.
 */
export const LINES_FROM = 20_000;

export const GL_SCENE_DEFAULTS: GlSceneOptions = {
  edges: 'auto',
  edgeWidthPx: 1,
  minRadiusPx: 1,
  borderWidthPx: 1,
  borderShade: 0.72,
  ringColor: rgba('#2d72d2'),
  ringGapPx: 1.5,
  ringWidthPx: 2.5,
  background: rgba('#ffffff'),
  labelCanvas: null,
  labelOptions: LABEL_DEFAULTS,
  pixelRatio: () => window.devicePixelRatio || 1,
  settleMs: 150,
};

export interface GlScene {
  setGraph(graph: GlGraph): void;
  /** New positions for the same nodes (a layout streaming them): one upload. */
  setPositions(x: Float32Array, y: Float32Array): void;
  setSelected(indexes: Iterable<number>): void;
  /**
   * The strokes at the chart's zoom: links `edgeWidthPx` wide (quads), node borders
   * `borderWidthPx` wide in `borderColor` (0xRRGGBBAA), or a shade of the fill when null.
   */
  setStroke(edgeWidthPx: number, borderWidthPx: number, borderColor: number | null): void;
  /** New colours for the same nodes and links (one upload each); the links' only where the graph gave them their own. */
  setColors(color: Uint32Array, edgeColors?: Uint32Array): void;
  setViewport(view: Viewport): void;
  readonly viewport: Viewport;
  /**
   * Draws one frame now (and the labels, with a label canvas). 'full' draws every node and link;
   * 'moving' (for the frames of a pan or zoom) shows the last full frame moved and stretched to
   * the viewport, one copy of the screen whatever the chart's size, and draws the full frame
   * once the viewport has rested settleMs.
   */
  draw(kind?: 'full' | 'moving'): void;
  /** Follows the canvas's CSS size and devicePixelRatio; call when either may have changed. */
  resize(): void;
  /** The node under a screen point (CSS px from the canvas's corner), or -1; a disc counts as at least minRadiusPx + slackPx. */
  nodeAt(screenX: number, screenY: number, slackPx?: number): number;
  /** The canvas's CSS size, as last measured by resize(). */
  readonly size: { width: number; height: number };
  /** How many labels the last frame drew. */
  readonly labelsDrawn: number;
  destroy(): void;
}

function compile(gl: WebGL2RenderingContext, vertex: string, fragment: string): WebGLProgram {
  const program = gl.createProgram();
  const shaders = [
    [gl.VERTEX_SHADER, vertex],
    [gl.FRAGMENT_SHADER, fragment],
  ].map(([type, source]) => {
    const shader = gl.createShader(type as number)!;
    gl.shaderSource(shader, source as string);
    gl.compileShader(shader);
    gl.attachShader(program, shader);
    return shader;
  });
  gl.linkProgram(program);
  // Asked only after linking, so the browser need not wait for each step in turn.
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
    const logs = shaders.map((shader) => gl.getShaderInfoLog(shader) ?? '').join(' ');
    throw new Error(`WebGL program: ${gl.getProgramInfoLog(program) ?? ''} ${logs}`.trim());
  }
  for (const shader of shaders) gl.deleteShader(shader);
  return program;
}

/** A program with its uniform locations looked up once. */
function programWith<K extends string>(gl: WebGL2RenderingContext, vertex: string, fragment: string, names: readonly K[]) {
  const program = compile(gl, vertex, fragment);
  const at = {} as Record<K, WebGLUniformLocation | null>;
  for (const name of names) at[name] = gl.getUniformLocation(program, name);
  return { program, at };
}

/** The data textures: their unit, format, and the size they were last given. */
interface DataTexture {
  texture: WebGLTexture;
  unit: number;
  internal: number;
  format: number;
  type: number;
  width: number;
  height: number;
}

export function createGlScene(canvas: HTMLCanvasElement, options: Partial<GlSceneOptions> = {}): GlScene {
  const o: GlSceneOptions = { ...GL_SCENE_DEFAULTS, ...options };
  // A background with alpha 0 leaves the canvas transparent (a layer under other canvases shows what is under it).
  const transparent = (o.background & 0xff) === 0;
  const gl = canvas.getContext('webgl2', { antialias: false, alpha: transparent, depth: false, stencil: false, premultipliedAlpha: true, preserveDrawingBuffer: false });
  if (gl === null) throw new Error('WebGL2 is not available');
  const labels = o.labelCanvas ? new LabelLayer(o.labelCanvas, o.labelOptions) : null;

  const nodeProgram = programWith(gl, NODE_VERTEX, NODE_FRAGMENT, ['u_positions', 'u_style', 'u_colors', 'u_camera', 'u_size', 'u_node', 'u_ring', 'u_borderShade', 'u_borderColor']);
  const edgeUniforms = ['u_positions', 'u_ends', 'u_camera', 'u_size', 'u_edgeColor', 'u_edgeColors', 'u_perEdge', 'u_halfWidth'] as const;
  /** The link programs, each compiled when first wanted ('auto' may want both). */
  const edgePrograms = {
    quads: null as ReturnType<typeof programWith<(typeof edgeUniforms)[number]>> | null,
    lines: null as ReturnType<typeof programWith<(typeof edgeUniforms)[number]>> | null,
  };
  const edgeProgram = (kind: 'quads' | 'lines') =>
    (edgePrograms[kind] ??=
      kind === 'lines' ? programWith(gl, EDGE_LINE_VERTEX, EDGE_LINE_FRAGMENT, edgeUniforms) : programWith(gl, EDGE_QUAD_VERTEX, EDGE_QUAD_FRAGMENT, edgeUniforms));
  /** How this chart's links are drawn. */
  let edgeKind: 'quads' | 'lines' = o.edges === 'lines' ? 'lines' : 'quads';
  edgeProgram(edgeKind);

  const dataTexture = (unit: number, internal: number, format: number, type: number): DataTexture => {
    const texture = gl.createTexture();
    gl.activeTexture(gl.TEXTURE0 + unit);
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    return { texture, unit, internal, format, type, width: 0, height: 0 };
  };
  // Each texture keeps its own unit, bound once: a frame binds no texture.
  const positions = dataTexture(0, gl.RG32F, gl.RG, gl.FLOAT);
  const style = dataTexture(1, gl.RG32F, gl.RG, gl.FLOAT);
  const colors = dataTexture(2, gl.RGBA8, gl.RGBA, gl.UNSIGNED_BYTE);
  const ends = dataTexture(3, gl.RG32UI, gl.RG_INTEGER, gl.UNSIGNED_INT);
  const edgeColors = dataTexture(4, gl.RGBA8, gl.RGBA, gl.UNSIGNED_BYTE);
  let perEdge = false;
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  /** Gives a texture new contents: a new allocation when its size changes, else one upload. */
  const upload = (t: DataTexture, size: { width: number; height: number }, data: ArrayBufferView) => {
    gl.activeTexture(gl.TEXTURE0 + t.unit);
    gl.bindTexture(gl.TEXTURE_2D, t.texture);
    if (t.width !== size.width || t.height !== size.height) {
      t.width = size.width;
      t.height = size.height;
      gl.texImage2D(gl.TEXTURE_2D, 0, t.internal, t.width, t.height, 0, t.format, t.type, data);
    } else {
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, t.width, t.height, t.format, t.type, data);
    }
  };

  // A link colour texture with an image from the start: a sampler left without one makes every draw warn.
  upload(edgeColors, { width: 1, height: 1 }, new Uint8Array(4));

  // The last full frame, kept for moving frames: drawn here, then copied to the screen.
  const frame = gl.createFramebuffer();
  const frameColor = gl.createRenderbuffer();
  let frameSize = { width: 0, height: 0 };
  /** The viewport the kept frame was drawn at; null while there is none (or it is out of date). */
  let frameView: Viewport | null = null;
  let settle: ReturnType<typeof setTimeout> | null = null;

  // Attribute-less draws still want a vertex array bound.
  const vao = gl.createVertexArray();
  gl.disable(gl.DEPTH_TEST);
  gl.enable(gl.BLEND);
  gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
  const background = unitColor(o.background);
  if (transparent) gl.clearColor(0, 0, 0, 0);
  else gl.clearColor(background[0]!, background[1]!, background[2]!, 1);

  // Per-frame values live here, written in place.
  const camera = new Float32Array(4);
  const edgeColor = new Float32Array(4);
  const ring = unitColor(o.ringColor);
  /** The node border's own colour; alpha 0 while borders are a shade of the fill (borderShade). */
  const borderColor = new Float32Array(4);
  let view: Viewport = { zoom: 1, panX: 0, panY: 0 };
  const size = { width: 1, height: 1 };
  let ratio = 1;

  let nodeCount = 0;
  let edgeCount = 0;
  let x: Float32Array = new Float32Array(0);
  let y: Float32Array = new Float32Array(0);
  let radius: Float32Array = new Float32Array(0);
  let nodeTexels = dataTextureSize(0);
  let packed = new Float32Array(2);
  let styled = new Float32Array(2);
  let selected: number[] = [];
  let grid: HitGrid | null = null;
  let text: readonly string[] = [];
  let labelNodes: LabelNodes | null = null;
  let chosen = new Int32Array(o.labelOptions.max);
  const scratch = labelScratch();
  let labelsDrawn = 0;

  const uploadPositions = () => {
    upload(positions, nodeTexels, packPositions(x, y, packed));
    grid = null;
    frameView = null;
  };

  /** Every node and link, into the kept frame, then the frame onto the screen. */
  const drawFull = () => {
    if (frameSize.width !== canvas.width || frameSize.height !== canvas.height) {
      frameSize = { width: canvas.width, height: canvas.height };
      gl.bindRenderbuffer(gl.RENDERBUFFER, frameColor);
      gl.renderbufferStorage(gl.RENDERBUFFER, gl.RGBA8, frameSize.width, frameSize.height);
      gl.bindFramebuffer(gl.FRAMEBUFFER, frame);
      gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.RENDERBUFFER, frameColor);
    }
    gl.bindFramebuffer(gl.FRAMEBUFFER, frame);
    gl.viewport(0, 0, canvas.width, canvas.height);
    gl.clear(gl.COLOR_BUFFER_BIT);
    if (nodeCount > 0) {
      cameraUniform(view, ratio, camera);
      gl.bindVertexArray(vao);
      if (edgeCount > 0) {
        const { program, at } = edgeProgram(edgeKind);
        gl.useProgram(program);
        gl.uniform1i(at.u_positions, positions.unit);
        gl.uniform1i(at.u_ends, ends.unit);
        gl.uniform4fv(at.u_camera, camera);
        gl.uniform2f(at.u_size, canvas.width, canvas.height);
        gl.uniform4fv(at.u_edgeColor, edgeColor);
        gl.uniform1i(at.u_edgeColors, edgeColors.unit);
        gl.uniform1i(at.u_perEdge, perEdge ? 1 : 0);
        gl.uniform1f(at.u_halfWidth, (o.edgeWidthPx * ratio) / 2);
        if (edgeKind === 'lines') gl.drawArrays(gl.LINES, 0, edgeCount * 2);
        else gl.drawArrays(gl.TRIANGLES, 0, edgeCount * 6);
      }
      const at = nodeProgram.at;
      gl.useProgram(nodeProgram.program);
      gl.uniform1i(at.u_positions, positions.unit);
      gl.uniform1i(at.u_style, style.unit);
      gl.uniform1i(at.u_colors, colors.unit);
      gl.uniform4fv(at.u_camera, camera);
      gl.uniform2f(at.u_size, canvas.width, canvas.height);
      gl.uniform4f(at.u_node, o.minRadiusPx, o.borderWidthPx, o.ringGapPx, o.ringWidthPx);
      gl.uniform4fv(at.u_ring, ring);
      gl.uniform1f(at.u_borderShade, o.borderShade);
      gl.uniform4fv(at.u_borderColor, borderColor);
      gl.drawArrays(gl.TRIANGLES, 0, nodeCount * 6);
      gl.bindVertexArray(null);
    }
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, frame);
    gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, null);
    gl.blitFramebuffer(0, 0, canvas.width, canvas.height, 0, 0, canvas.width, canvas.height, gl.COLOR_BUFFER_BIT, gl.NEAREST);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    frameView = { ...view };
  };

  /** The kept frame (drawn at `drawn`) moved and stretched to the current viewport. */
  const drawMoved = (drawn: Viewport) => {
    const box = movedFrame(drawn, view, size.width, size.height);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, canvas.width, canvas.height);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, frame);
    // GL's rows grow upwards: the frame's top edge (CSS y1) is the larger row.
    const h = canvas.height;
    gl.blitFramebuffer(
      0,
      0,
      canvas.width,
      h,
      Math.round(box.x1 * ratio),
      Math.round(h - box.y2 * ratio),
      Math.round(box.x2 * ratio),
      Math.round(h - box.y1 * ratio),
      gl.COLOR_BUFFER_BIT,
      gl.LINEAR,
    );
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  };

  const scene: GlScene = {
    setGraph(graph) {
      nodeCount = Math.min(graph.x.length, graph.y.length, graph.radius.length, graph.color.length);
      x = graph.x;
      y = graph.y;
      radius = graph.radius.subarray(0, nodeCount);
      nodeTexels = dataTextureSize(nodeCount);
      const texels = nodeTexels.width * nodeTexels.height;
      packed = new Float32Array(texels * 2);
      styled = new Float32Array(texels * 2);
      selected = [];
      uploadPositions();
      upload(style, nodeTexels, packStyle(radius, selected, styled));
      upload(colors, nodeTexels, colorBytes(graph.color.subarray(0, nodeCount), new Uint8Array(texels * 4)));
      const pairs = validEdges(graph.edges, nodeCount);
      edgeCount = pairs.length >> 1;
      edgeKind = o.edges === 'auto' ? (edgeCount >= LINES_FROM ? 'lines' : 'quads') : o.edges;
      const edgeTexels = dataTextureSize(edgeCount);
      const padded = new Uint32Array(edgeTexels.width * edgeTexels.height * 2);
      padded.set(pairs);
      upload(ends, edgeTexels, padded);
      // Own colours only when every link kept its place (validEdges dropped none): else the one colour.
      perEdge = graph.edgeColors !== undefined && pairs === graph.edges && graph.edgeColors.length >= edgeCount;
      if (perEdge) upload(edgeColors, edgeTexels, colorBytes(graph.edgeColors!.subarray(0, edgeCount), new Uint8Array(edgeTexels.width * edgeTexels.height * 4)));
      unitColor(graph.edgeColor, edgeColor);
      text = graph.labels ?? [];
      const lengths = new Uint16Array(nodeCount);
      for (let i = 0; i < nodeCount; i++) lengths[i] = Math.min(65535, text[i]?.length ?? 0);
      labelNodes = { x, y, radius, length: lengths, priority: graph.labelPriority, count: nodeCount };
    },

    setPositions(nx, ny) {
      if (nx.length < nodeCount || ny.length < nodeCount) throw new Error(`setPositions: ${nodeCount} positions wanted`);
      x = nx;
      y = ny;
      if (labelNodes) labelNodes = { ...labelNodes, x, y };
      uploadPositions();
    },

    setStroke(edgeWidthPx, borderWidthPx, border) {
      o.edgeWidthPx = edgeWidthPx;
      o.borderWidthPx = borderWidthPx;
      if (border === null) borderColor.fill(0);
      else unitColor(border, borderColor);
      frameView = null;
    },

    setColors(color, linkColors) {
      upload(colors, nodeTexels, colorBytes(color.subarray(0, nodeCount), new Uint8Array(nodeTexels.width * nodeTexels.height * 4)));
      if (perEdge && linkColors && linkColors.length >= edgeCount) {
        const texels = dataTextureSize(edgeCount);
        upload(edgeColors, texels, colorBytes(linkColors.subarray(0, edgeCount), new Uint8Array(texels.width * texels.height * 4)));
      }
      frameView = null;
    },

    setSelected(indexes) {
      selected = [...indexes].filter((i) => i >= 0 && i < nodeCount);
      upload(style, nodeTexels, packStyle(radius, selected, styled));
      frameView = null;
    },

    setViewport(next) {
      view = { zoom: next.zoom, panX: next.panX, panY: next.panY };
    },

    get viewport() {
      return view;
    },

    get size() {
      return size;
    },

    get labelsDrawn() {
      return labelsDrawn;
    },

    draw(kind = 'full') {
      if (settle !== null) clearTimeout(settle);
      settle = null;
      if (kind === 'moving' && frameView !== null && frameSize.width === canvas.width && frameSize.height === canvas.height) {
        drawMoved(frameView);
        settle = setTimeout(() => scene.draw('full'), o.settleMs);
      } else {
        drawFull();
      }
      if (labels && labelNodes) {
        if (chosen.length < o.labelOptions.max) chosen = new Int32Array(o.labelOptions.max);
        labelsDrawn = chooseLabels(labelNodes, view, size.width, size.height, selected, chosen, o.labelOptions, o.minRadiusPx, scratch);
        labels.draw(labelNodes, text, chosen, labelsDrawn, view, o.minRadiusPx);
      }
    },

    resize() {
      ratio = o.pixelRatio();
      size.width = canvas.clientWidth;
      size.height = canvas.clientHeight;
      const backing = backingSize(size.width, size.height, ratio);
      if (canvas.width !== backing.width) canvas.width = backing.width;
      if (canvas.height !== backing.height) canvas.height = backing.height;
      labels?.resize(backing.width, backing.height, ratio);
    },

    nodeAt(screenX, screenY, slackPx = 0) {
      if (nodeCount === 0) return -1;
      grid ??= buildHitGrid(x, y, radius, nodeCount);
      const p = toModel(view, screenX, screenY);
      return nodeAt(grid, x, y, radius, p.x, p.y, (o.minRadiusPx + slackPx) / view.zoom);
    },

    destroy() {
      if (settle !== null) clearTimeout(settle);
      gl.deleteFramebuffer(frame);
      gl.deleteRenderbuffer(frameColor);
      for (const t of [positions, style, colors, ends, edgeColors]) gl.deleteTexture(t.texture);
      gl.deleteVertexArray(vao);
      gl.deleteProgram(nodeProgram.program);
      for (const p of Object.values(edgePrograms)) if (p) gl.deleteProgram(p.program);
      nodeCount = 0;
      edgeCount = 0;
    },
  };
  scene.resize();
  return scene;
}
