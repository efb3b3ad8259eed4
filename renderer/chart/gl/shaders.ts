/**
 * The WebGL layer's GLSL ES 3.00 programs. Every program reads node positions from the RG32F
 * texture `u_positions` by node index (buffers.ts), and the camera from `u_camera` = (zoom, panX,
 * panY scaled to device px, devicePixelRatio) (camera.ts cameraUniform), so panning and zooming
 * change four uniforms and nothing else. Colours leave the fragment shaders premultiplied.
 */

/** Reads node `i`'s model position; shared by the programs. */
const POSITION_LOOKUP = `
uniform highp sampler2D u_positions;
vec2 nodePosition(int i) {
  int row = textureSize(u_positions, 0).x;
  return texelFetch(u_positions, ivec2(i % row, i / row), 0).xy;
}
vec4 toClip(vec2 device, vec2 size) {
  return vec4(device.x / size.x * 2.0 - 1.0, 1.0 - device.y / size.y * 2.0, 0.0, 1.0);
}`;

/**
 * Nodes: one instanced quad a node, big enough for its disc, its selection ring and a pixel of
 * anti-aliasing; the fragment shader cuts the disc and its border out of it.
 */
export const NODE_VERTEX = `#version 300 es
precision highp float;
precision highp int;
layout(location = 0) in vec2 a_corner;
layout(location = 1) in float a_radius;
layout(location = 2) in vec4 a_color;
layout(location = 3) in float a_selected;
uniform vec4 u_camera;
uniform vec2 u_size;
// minimum drawn radius (CSS px), border width (CSS px), ring gap and ring width (CSS px)
uniform vec4 u_node;
${POSITION_LOOKUP}
out vec2 v_offset;
flat out float v_radius;
flat out vec4 v_color;
flat out float v_selected;
void main() {
  vec2 centre = nodePosition(gl_InstanceID) * u_camera.x + u_camera.yz;
  float radius = max(a_radius * u_camera.x, u_node.x * u_camera.w);
  float reach = radius + (a_selected > 0.5 ? (u_node.z + u_node.w) * u_camera.w : 0.0) + 1.0;
  v_offset = a_corner * reach;
  v_radius = radius;
  v_color = a_color;
  v_selected = a_selected;
  gl_Position = toClip(centre + v_offset, u_size);
}`;

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
out vec4 outColor;
void main() {
  float d = length(v_offset);
  float border = u_node.y * u_camera.w;
  // 0 in the fill, 1 in the border, blended over one device pixel.
  float inBorder = border > 0.0 ? clamp(d - (v_radius - border) + 0.5, 0.0, 1.0) : 0.0;
  vec3 rgb = mix(v_color.rgb, v_color.rgb * u_borderShade, inBorder);
  float cover = clamp(v_radius + 0.5 - d, 0.0, 1.0) * v_color.a;
  vec4 colour = vec4(rgb * cover, cover);
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
 * Links as instanced quads: one a link, along it from source (corner x 0) to target (x 1) and
 * as wide as the line plus a pixel each side, the fragment shader fading its edges.
 */
export const EDGE_QUAD_VERTEX = `#version 300 es
precision highp float;
precision highp int;
layout(location = 0) in vec2 a_corner;
layout(location = 1) in uvec2 a_ends;
uniform vec4 u_camera;
uniform vec2 u_size;
uniform float u_halfWidth;
${POSITION_LOOKUP}
out float v_across;
void main() {
  vec2 a = nodePosition(int(a_ends.x)) * u_camera.x + u_camera.yz;
  vec2 b = nodePosition(int(a_ends.y)) * u_camera.x + u_camera.yz;
  vec2 along = b - a;
  float len = length(along);
  vec2 normal = len > 0.0 ? vec2(-along.y, along.x) / len : vec2(0.0, 1.0);
  float reach = u_halfWidth + 1.0;
  v_across = a_corner.y * reach;
  gl_Position = toClip(mix(a, b, a_corner.x) + normal * v_across, u_size);
}`;

export const EDGE_QUAD_FRAGMENT = `#version 300 es
precision highp float;
in float v_across;
uniform float u_halfWidth;
uniform vec4 u_edgeColor;
out vec4 outColor;
void main() {
  float cover = clamp(u_halfWidth + 0.5 - abs(v_across), 0.0, 1.0) * u_edgeColor.a;
  if (cover <= 0.0) discard;
  outColor = vec4(u_edgeColor.rgb * cover, cover);
}`;

/**
 * Links as GL_LINES, for comparison: drawn with the link pairs as the element buffer, so a
 * vertex's index is its node's; one device pixel wide and not anti-aliased.
 */
export const EDGE_LINE_VERTEX = `#version 300 es
precision highp float;
precision highp int;
uniform vec4 u_camera;
uniform vec2 u_size;
${POSITION_LOOKUP}
void main() {
  gl_Position = toClip(nodePosition(gl_VertexID) * u_camera.x + u_camera.yz, u_size);
}`;

export const EDGE_LINE_FRAGMENT = `#version 300 es
precision highp float;
uniform vec4 u_edgeColor;
out vec4 outColor;
void main() {
  outColor = vec4(u_edgeColor.rgb * u_edgeColor.a, u_edgeColor.a);
}`;
