/**
 * The WebGL layer's GLSL ES 3.00 programs. They take no vertex attributes: every draw is one
 * plain drawArrays whose vertex index says which node or link and which corner it is, and the
 * data is read from textures by that index (buffers.ts): node positions (RG32F), node radius and
 * selection (RG32F), node colours (RGBA8), link ends (RG32UI), link colours (RGBA8, when links differ). Not instanced draws: SwiftShader
 * (Chromium without a GPU) runs an instanced draw as one draw per instance, ~9 µs each, so 20,000
 * instanced nodes cost ~175 ms before a pixel is drawn, against ~7 ms for the same quads as one
 * draw (measured, docs/architecture.md). The camera is `u_camera` = (zoom, panX, panY scaled to
 * device px, devicePixelRatio) (camera.ts cameraUniform): panning and zooming change four
 * uniforms and nothing else. Colours leave the fragment shaders premultiplied.
 */

/**
 * A vertex shader: what every one shares (the camera, the drawing buffer's size in device px,
 * a texel by index, node i's position, device px to clip space), then its own declarations and body.
 */
const vertexShader = (body: string) => `#version 300 es
precision highp float;
precision highp int;
uniform vec4 u_camera;
uniform vec2 u_size;
uniform highp sampler2D u_positions;
ivec2 texel(int i, int row) {
  return ivec2(i % row, i / row);
}
vec2 nodeOnScreen(int i) {
  vec2 model = texelFetch(u_positions, texel(i, textureSize(u_positions, 0).x), 0).xy;
  return model * u_camera.x + u_camera.yz;
}
vec4 toClip(vec2 device) {
  return vec4(device.x / u_size.x * 2.0 - 1.0, 1.0 - device.y / u_size.y * 2.0, 0.0, 1.0);
}
${body}`;

/**
 * Nodes: two triangles a node (vertex v is corner v % 6 of node v / 6), a square big enough for
 * its disc, its selection ring and a pixel of anti-aliasing; the fragment shader cuts the disc
 * and its border out of it.
 */
export const NODE_VERTEX = vertexShader(`
const vec2 CORNERS[6] = vec2[6](vec2(-1, -1), vec2(1, -1), vec2(-1, 1), vec2(-1, 1), vec2(1, -1), vec2(1, 1));
// radius (model units) and selected (0 or 1) a node
uniform highp sampler2D u_style;
uniform highp sampler2D u_colors;
// minimum drawn radius (CSS px), border width (CSS px), ring gap and ring width (CSS px)
uniform vec4 u_node;
out vec2 v_offset;
flat out float v_radius;
flat out vec4 v_color;
flat out float v_selected;
void main() {
  int node = gl_VertexID / 6;
  vec2 style = texelFetch(u_style, texel(node, textureSize(u_style, 0).x), 0).xy;
  float radius = max(style.x * u_camera.x, u_node.x * u_camera.w);
  float reach = radius + (style.y > 0.5 ? (u_node.z + u_node.w) * u_camera.w : 0.0) + 1.0;
  v_offset = CORNERS[gl_VertexID % 6] * reach;
  v_radius = radius;
  v_color = texelFetch(u_colors, texel(node, textureSize(u_colors, 0).x), 0);
  v_selected = style.y;
  gl_Position = toClip(nodeOnScreen(node) + v_offset);
}`);

export const NODE_FRAGMENT = `#version 300 es
precision highp float;
in vec2 v_offset;
flat in float v_radius;
flat in vec4 v_color;
flat in float v_selected;
uniform vec4 u_camera;
uniform vec4 u_node;
uniform vec4 u_ring;
uniform float u_borderShade;
// The border's own colour (straight alpha); alpha 0: the fill's times u_borderShade.
uniform vec4 u_borderColor;
out vec4 outColor;
void main() {
  float d = length(v_offset);
  float border = u_node.y * u_camera.w;
  // 0 in the fill, 1 in the border, blended over one device pixel.
  float inBorder = border > 0.0 ? clamp(d - (v_radius - border) + 0.5, 0.0, 1.0) : 0.0;
  vec4 rim = u_borderColor.a > 0.0 ? vec4(u_borderColor.rgb, u_borderColor.a * v_color.a) : vec4(v_color.rgb * u_borderShade, v_color.a);
  vec4 paint = mix(v_color, rim, inBorder);
  float cover = clamp(v_radius + 0.5 - d, 0.0, 1.0) * paint.a;
  vec4 colour = vec4(paint.rgb * cover, cover);
  if (v_selected > 0.5) {
    float inner = v_radius + u_node.z * u_camera.w;
    float outer = inner + u_node.w * u_camera.w;
    float ring = clamp(min(d - inner + 0.5, outer + 0.5 - d), 0.0, 1.0) * u_ring.a;
    colour += vec4(u_ring.rgb * ring, ring) * (1.0 - colour.a);
  }
  if (colour.a <= 0.0) discard;
  outColor = colour;
}`;

/**
 * Link e's two ends, from the RG32UI texture of link ends, and its colour: the one colour of every
 * link (u_edgeColor), or with u_perEdge its own from the RGBA8 texture of link colours.
 */
const LINK_ENDS = `
uniform highp usampler2D u_ends;
uniform highp sampler2D u_edgeColors;
uniform vec4 u_edgeColor;
uniform int u_perEdge;
flat out vec4 v_color;
uvec2 linkEnds(int e) {
  return texelFetch(u_ends, texel(e, textureSize(u_ends, 0).x), 0).xy;
}
vec4 linkColour(int e) {
  return u_perEdge == 1 ? texelFetch(u_edgeColors, texel(e, textureSize(u_edgeColors, 0).x), 0) : u_edgeColor;
}`;

/**
 * Links as quads: two triangles a link, along it from source (corner x 0) to target (x 1) and as
 * wide as the line plus half a pixel each side, the fragment shader fading its edges.
 */
export const EDGE_QUAD_VERTEX = vertexShader(`${LINK_ENDS}
const vec2 CORNERS[6] = vec2[6](vec2(0, -1), vec2(1, -1), vec2(0, 1), vec2(0, 1), vec2(1, -1), vec2(1, 1));
uniform float u_halfWidth;
out float v_across;
void main() {
  uvec2 ends = linkEnds(gl_VertexID / 6);
  v_color = linkColour(gl_VertexID / 6);
  vec2 a = nodeOnScreen(int(ends.x));
  vec2 b = nodeOnScreen(int(ends.y));
  vec2 corner = CORNERS[gl_VertexID % 6];
  vec2 along = b - a;
  float len = length(along);
  vec2 normal = len > 0.0 ? vec2(-along.y, along.x) / len : vec2(0.0, 1.0);
  v_across = corner.y * (u_halfWidth + 0.5);
  gl_Position = toClip(mix(a, b, corner.x) + normal * v_across);
}`);

export const EDGE_QUAD_FRAGMENT = `#version 300 es
precision highp float;
in float v_across;
flat in vec4 v_color;
uniform float u_halfWidth;
out vec4 outColor;
void main() {
  float cover = clamp(u_halfWidth + 0.5 - abs(v_across), 0.0, 1.0) * v_color.a;
  if (cover <= 0.0) discard;
  outColor = vec4(v_color.rgb * cover, cover);
}`;

/** Links as GL_LINES, for comparison: vertex v is end v % 2 of link v / 2; one device pixel, aliased. */
export const EDGE_LINE_VERTEX = vertexShader(`${LINK_ENDS}
void main() {
  uvec2 ends = linkEnds(gl_VertexID / 2);
  v_color = linkColour(gl_VertexID / 2);
  gl_Position = toClip(nodeOnScreen(int(gl_VertexID % 2 == 0 ? ends.x : ends.y)));
}`);

export const EDGE_LINE_FRAGMENT = `#version 300 es
precision highp float;
flat in vec4 v_color;
out vec4 outColor;
void main() {
  outColor = vec4(v_color.rgb * v_color.a, v_color.a);
}`;
