import { describe, expect, it } from 'vitest';
import { colorBytes, OFF_SCREEN, packPositions, dataTextureSize, rgba, packStyle, unitColor, validEdges } from './buffers';

describe('data textures', () => {
  it('holds one texel a node in rows of at most POSITION_ROW', () => {
    expect(dataTextureSize(0)).toEqual({ width: 1, height: 1 });
    expect(dataTextureSize(5)).toEqual({ width: 5, height: 1 });
    expect(dataTextureSize(20_000)).toEqual({ width: 2048, height: 10 });
    expect(dataTextureSize(4096)).toEqual({ width: 2048, height: 2 });
    const { width, height } = dataTextureSize(7, 3);
    expect([width, height]).toEqual([3, 3]);
    expect(width * height).toBeGreaterThanOrEqual(7);
  });

  it('interleaves x and y, node i at texel i, and sends unusable positions off screen', () => {
    const size = dataTextureSize(3, 2);
    const out = new Float32Array(size.width * size.height * 2);
    packPositions(new Float32Array([1, 2, Number.NaN]), new Float32Array([10, 20, 30]), out);
    // The node shader finds node i at (i % width, i / width): texel i in row order.
    expect([...out.subarray(0, 4)]).toEqual([1, 10, 2, 20]);
    expect(out[4]).toBeCloseTo(OFF_SCREEN, -25);
    expect(out[5]).toBeCloseTo(OFF_SCREEN, -25);
  });
});

describe('colours', () => {
  it('reads #rgb, #rrggbb and #rrggbbaa as 0xRRGGBBAA', () => {
    expect(rgba('#7f8c8d')).toBe(0x7f8c8dff);
    expect(rgba('#abc')).toBe(0xaabbccff);
    expect(rgba('#11223344')).toBe(0x11223344);
    expect(() => rgba('#12345')).toThrow(/not a colour/);
    expect(() => rgba('red')).toThrow(/not a colour/);
  });

  it('gives the shader bytes R, G, B, A whatever the byte order, and uniforms 0..1', () => {
    expect([...colorBytes(new Uint32Array([0x11223344, 0xff000080]))]).toEqual([0x11, 0x22, 0x33, 0x44, 0xff, 0, 0, 0x80]);
    const unit = unitColor(0xff800000);
    expect(unit[0]).toBe(1);
    expect(unit[1]).toBeCloseTo(128 / 255, 6);
    expect(unit[3]).toBe(0);
  });
});

describe('links and selection', () => {
  it('keeps only the links whose two ends are nodes, in order', () => {
    const all = new Uint32Array([0, 1, 1, 2]);
    expect(validEdges(all, 3)).toBe(all);
    expect([...validEdges(new Uint32Array([0, 1, 0, 9, 2, 1]), 3)]).toEqual([0, 1, 2, 1]);
    // A dangling odd index is not half a link.
    expect([...validEdges(new Uint32Array([0, 1, 2]), 3)]).toEqual([0, 1]);
  });

  it('packs each radius with 1 where the node is selected, clearing an earlier selection', () => {
    const out = new Float32Array(8).fill(1);
    expect([...packStyle(new Float32Array([4, 5, 6]), [2, 7, -1], out)]).toEqual([4, 0, 5, 0, 6, 1, 1, 1]);
    expect([...packStyle(new Float32Array([4, 5, 6]), [0], out).subarray(0, 6)]).toEqual([4, 1, 5, 0, 6, 0]);
  });
});
