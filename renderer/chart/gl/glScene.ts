/**
 * A WebGL2 drawing layer for large charts (issue #14): nodes as instanced quads cut into
 * anti-aliased discs with a border (and a ring when selected), links as instanced anti-aliased
 * quads (or GL_LINES, `edges: 'lines'`, kept for the comparison in docs/architecture.md), labels
 * on a 2D canvas over it (labels.ts), a hit test for clicks (hitTest.ts).
 *
 * Cost model: setGraph uploads everything once; setPositions is one texture upload (the links
 * read their ends from the same texture); setSelected one byte a node; setViewport and draw change
 * uniforms only, allocate nothing and rebuild no buffer. The viewport is Cytoscape's (rendered =
 * model × zoom + pan, CSS px), so the layer can take over a chart's viewport as it stands.
 *
 * Not wired into the chart yet: the bench page e2e/bench/pages/glPage.ts drives it.
 */
import { backingSize, cameraUniform, toModel, type Viewport } from './camera';
import { colorBytes, packPositions, positionTextureSize, rgba, selectionFlags, unitColor, validEdges } from './buffers';
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
  /** A label a node (optional; drawn only with `labelCanvas`). */
  labels?: readonly string[];
  /** Where labels compete for room, the higher wins (e.g. degree); the radius when missing. */
  labelPriority?: ArrayLike<number>;
}

export interface GlSceneOptions {
  /** 'quads' (anti-aliased, `edgeWidthPx` wide) or 'lines' (GL_LINES: one device pixel, aliased). */
  edges: 'quads' | 'lines';
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
}

export const GL_SCENE_DEFAULTS: GlSceneOptions = {
  edges: 'quads',
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
};

export interface GlScene {
  setGraph(graph: GlGraph): void;
  /** New positions for the same nodes (a layout streaming them): one upload. */
  setPositions(x: Float32Array, y: Float32Array): void;
  setSelected(indexes: Iterable<number>): void;
  setViewport(view: Viewport): void;
  readonly viewport: Viewport;
  /** Draws one frame now (and the labels, with a label canvas). */
  draw(): void;
  /** Follows the canvas's CSS size and devicePixelRatio; call when either may have changed. */
  resize(): void;
  /** The node under a screen point (CSS px from the canvas's corner), or -1; `slackPx` widens each disc. */
  nodeAt(screenX: number, screenY: number, slackPx?: number): number;
  /** The canvas's CSS size, as last measured by resize(). */
  readonly size: { width: number; height: number };
  /** How many labels the last frame drew. */
  readonly labelsDrawn: number;
  destroy(): void;
}

const NODE_CORNERS = new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]);
const EDGE_CORNERS = new Float32Array([0, -1, 1, -1, 0, 1, 1, 1]);

function compile(gl: WebGL2RenderingContext, vertex: string, fragment: string): WebGLProgram {
  const program = gl.createProgram();
  for (const [type, source] of [
    [gl.VERTEX_SHADER, vertex],
    [gl.FRAGMENT_SHADER, fragment],
  ] as const) {
    const shader = gl.createShader(type)!;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`shader: ${gl.getShaderInfoLog(shader) ?? 'did not compile'}`);
    gl.attachShader(program, shader);
    gl.deleteShader(shader);
  }
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`program: ${gl.getProgramInfoLog(program) ?? 'did not link'}`);
  return program;
}

/** A program with its uniform locations looked up once. */
function programWith<K extends string>(gl: WebGL2RenderingContext, vertex: string, fragment: string, names: readonly K[]) {
  const program = compile(gl, vertex, fragment);
  const at = {} as Record<K, WebGLUniformLocation | null>;
  for (const name of names) at[name] = gl.getUniformLocation(program, name);
  return { program, at };
}

export function createGlScene(canvas: HTMLCanvasElement, options: Partial<GlSceneOptions> = {}): GlScene {
  const o: GlSceneOptions = { ...GL_SCENE_DEFAULTS, ...options };
  const gl = canvas.getContext('webgl2', { antialias: false, alpha: false, depth: false, stencil: false, premultipliedAlpha: true, preserveDrawingBuffer: false });
  if (gl === null) throw new Error('WebGL2 is not available');
  const labels = o.labelCanvas ? new LabelLayer(o.labelCanvas, o.labelOptions) : null;

  const nodeProgram = programWith(gl, NODE_VERTEX, NODE_FRAGMENT, ['u_positions', 'u_camera', 'u_size', 'u_node', 'u_ring', 'u_borderShade']);
  const edgeProgram =
    o.edges === 'lines'
      ? programWith(gl, EDGE_LINE_VERTEX, EDGE_LINE_FRAGMENT, ['u_positions', 'u_camera', 'u_size', 'u_edgeColor', 'u_halfWidth'])
      : programWith(gl, EDGE_QUAD_VERTEX, EDGE_QUAD_FRAGMENT, ['u_positions', 'u_camera', 'u_size', 'u_edgeColor', 'u_halfWidth']);

  const positions = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, positions);
  for (const p of [gl.TEXTURE_MIN_FILTER, gl.TEXTURE_MAG_FILTER]) gl.texParameteri(gl.TEXTURE_2D, p, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);

  const buffer = (target: number, data: ArrayBufferView | null, usage: number = gl.STATIC_DRAW) => {
    const b = gl.createBuffer();
    gl.bindBuffer(target, b);
    if (data) gl.bufferData(target, data, usage);
    return b;
  };
  const nodeCorners = buffer(gl.ARRAY_BUFFER, NODE_CORNERS);
  const edgeCorners = buffer(gl.ARRAY_BUFFER, EDGE_CORNERS);
  const radii = buffer(gl.ARRAY_BUFFER, null);
  const colors = buffer(gl.ARRAY_BUFFER, null);
  const selection = buffer(gl.ARRAY_BUFFER, null);
  const ends = buffer(o.edges === 'lines' ? gl.ELEMENT_ARRAY_BUFFER : gl.ARRAY_BUFFER, null);

  // Nodes: corner per vertex; radius, colour and selection per instance.
  const nodeVao = gl.createVertexArray();
  gl.bindVertexArray(nodeVao);
  const attribute = (b: WebGLBuffer, location: number, size: number, type: number, normalized: boolean, divisor: number) => {
    gl.bindBuffer(gl.ARRAY_BUFFER, b);
    gl.enableVertexAttribArray(location);
    gl.vertexAttribPointer(location, size, type, normalized, 0, 0);
    gl.vertexAttribDivisor(location, divisor);
  };
  attribute(nodeCorners, 0, 2, gl.FLOAT, false, 0);
  attribute(radii, 1, 1, gl.FLOAT, false, 1);
  attribute(colors, 2, 4, gl.UNSIGNED_BYTE, true, 1);
  attribute(selection, 3, 1, gl.UNSIGNED_BYTE, true, 1);

  // Links: the corner per vertex and the two node indexes per instance, or the pairs as elements.
  const edgeVao = gl.createVertexArray();
  gl.bindVertexArray(edgeVao);
  if (o.edges === 'lines') {
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, ends);
  } else {
    attribute(edgeCorners, 0, 2, gl.FLOAT, false, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, ends);
    gl.enableVertexAttribArray(1);
    gl.vertexAttribIPointer(1, 2, gl.UNSIGNED_INT, 0, 0);
    gl.vertexAttribDivisor(1, 1);
  }
  gl.bindVertexArray(null);

  gl.disable(gl.DEPTH_TEST);
  gl.enable(gl.BLEND);
  gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
  const background = unitColor(o.background);
  gl.clearColor(background[0]!, background[1]!, background[2]!, 1);

  // Per-frame values live here, written in place.
  const camera = new Float32Array(4);
  const edgeColor = new Float32Array(4);
  const ring = unitColor(o.ringColor);
  let view: Viewport = { zoom: 1, panX: 0, panY: 0 };
  const size = { width: 1, height: 1 };
  let ratio = 1;

  let nodeCount = 0;
  let edgeCount = 0;
  let x: Float32Array = new Float32Array(0);
  let y: Float32Array = new Float32Array(0);
  let radius: Float32Array = new Float32Array(0);
  let packed = new Float32Array(0);
  let texture = { width: 1, height: 1 };
  let flags = new Uint8Array(0);
  let selected: number[] = [];
  let grid: HitGrid | null = null;
  let text: readonly string[] = [];
  let labelNodes: LabelNodes | null = null;
  let chosen = new Int32Array(o.labelOptions.max);
  const scratch = labelScratch();
  let labelsDrawn = 0;

  const uploadPositions = () => {
    packPositions(x, y, packed);
    gl.bindTexture(gl.TEXTURE_2D, positions);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, texture.width, texture.height, gl.RG, gl.FLOAT, packed);
    grid = null;
  };

  const scene: GlScene = {
    setGraph(graph) {
      nodeCount = Math.min(graph.x.length, graph.y.length, graph.radius.length, graph.color.length);
      x = graph.x;
      y = graph.y;
      radius = graph.radius;
      texture = positionTextureSize(nodeCount);
      packed = new Float32Array(texture.width * texture.height * 2);
      gl.bindTexture(gl.TEXTURE_2D, positions);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RG32F, texture.width, texture.height, 0, gl.RG, gl.FLOAT, null);
      uploadPositions();
      gl.bindBuffer(gl.ARRAY_BUFFER, radii);
      gl.bufferData(gl.ARRAY_BUFFER, radius.subarray(0, nodeCount), gl.STATIC_DRAW);
      gl.bindBuffer(gl.ARRAY_BUFFER, colors);
      gl.bufferData(gl.ARRAY_BUFFER, colorBytes(graph.color.subarray(0, nodeCount)), gl.STATIC_DRAW);
      flags = new Uint8Array(nodeCount);
      selected = [];
      gl.bindBuffer(gl.ARRAY_BUFFER, selection);
      gl.bufferData(gl.ARRAY_BUFFER, flags, gl.DYNAMIC_DRAW);
      const pairs = validEdges(graph.edges, nodeCount);
      edgeCount = pairs.length >> 1;
      if (o.edges === 'lines') {
        gl.bindVertexArray(edgeVao);
        gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, pairs, gl.STATIC_DRAW);
        gl.bindVertexArray(null);
      } else {
        gl.bindBuffer(gl.ARRAY_BUFFER, ends);
        gl.bufferData(gl.ARRAY_BUFFER, pairs, gl.STATIC_DRAW);
      }
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

    setSelected(indexes) {
      selected = [...indexes].filter((i) => i >= 0 && i < nodeCount);
      selectionFlags(selected, flags);
      gl.bindBuffer(gl.ARRAY_BUFFER, selection);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, flags);
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

    draw() {
      gl.viewport(0, 0, canvas.width, canvas.height);
      gl.clear(gl.COLOR_BUFFER_BIT);
      if (nodeCount > 0) {
        cameraUniform(view, ratio, camera);
        gl.activeTexture(gl.TEXTURE0);
        gl.bindTexture(gl.TEXTURE_2D, positions);
        if (edgeCount > 0) {
          const at = edgeProgram.at;
          gl.useProgram(edgeProgram.program);
          gl.uniform1i(at.u_positions, 0);
          gl.uniform4fv(at.u_camera, camera);
          gl.uniform2f(at.u_size, canvas.width, canvas.height);
          gl.uniform4fv(at.u_edgeColor, edgeColor);
          gl.uniform1f(at.u_halfWidth, (o.edgeWidthPx * ratio) / 2);
          gl.bindVertexArray(edgeVao);
          if (o.edges === 'lines') gl.drawElements(gl.LINES, edgeCount * 2, gl.UNSIGNED_INT, 0);
          else gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, edgeCount);
        }
        const at = nodeProgram.at;
        gl.useProgram(nodeProgram.program);
        gl.uniform1i(at.u_positions, 0);
        gl.uniform4fv(at.u_camera, camera);
        gl.uniform2f(at.u_size, canvas.width, canvas.height);
        gl.uniform4f(at.u_node, o.minRadiusPx, o.borderWidthPx, o.ringGapPx, o.ringWidthPx);
        gl.uniform4fv(at.u_ring, ring);
        gl.uniform1f(at.u_borderShade, o.borderShade);
        gl.bindVertexArray(nodeVao);
        gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, nodeCount);
        gl.bindVertexArray(null);
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
      for (const b of [nodeCorners, edgeCorners, radii, colors, selection, ends]) gl.deleteBuffer(b);
      gl.deleteTexture(positions);
      gl.deleteVertexArray(nodeVao);
      gl.deleteVertexArray(edgeVao);
      gl.deleteProgram(nodeProgram.program);
      gl.deleteProgram(edgeProgram.program);
      nodeCount = 0;
      edgeCount = 0;
    },
  };
  scene.resize();
  return scene;
}
