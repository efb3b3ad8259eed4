import { describe, expect, it } from 'vitest';
import { cssColour, isSoftwareRenderer } from './flatPreview';

describe('the 2D preview', () => {
  it('is chosen for the CPU rasterisers, by the names browsers report, and not for GPUs', () => {
    // As Chromium reports them (WEBGL_debug_renderer_info's UNMASKED_RENDERER_WEBGL).
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Mesa, llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver (0x0000008C) Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).toBe(false);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSoftwareRenderer('ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)')).toBe(false);
  });

  it('draws in the WebGL layer’s colours (0xRRGGBBAA)', () => {
    expect(cssColour(0x2d72d2ff)).toBe('rgba(45,114,210,1.000)');
    expect(cssColour(0x80808040)).toBe('rgba(128,128,128,0.251)');
  });
});
