import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { icnsFromPngs, icoFromPngs } from './iconContainers';

function png(size: number): Buffer {
  const image = new PNG({ width: size, height: size });
  image.data.fill(200);
  return PNG.sync.write(image);
}

describe('installer icon containers', () => {
  const images = [16, 32, 256, 1024].map((size) => ({ size, png: png(size) }));

  it('writes an ICO whose directory points at each PNG (256 written as 0, larger ones left out)', () => {
    const ico = icoFromPngs(images);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    expect(count).toBe(3);
    const sizes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const at = 6 + i * 16;
      sizes.push(ico.readUInt8(at));
      const length = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      const entry = ico.subarray(offset, offset + length);
      expect(PNG.sync.read(entry).width).toBe([16, 32, 256][i]);
    }
    expect(sizes).toEqual([16, 32, 0]);
  });

  it('writes an ICNS whose chunks are Apple PNG types of the right sizes, lengths adding up', () => {
    const icns = icnsFromPngs(images);
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: string[] = [];
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('ascii', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      const image = PNG.sync.read(icns.subarray(at + 8, at + length));
      found.push(`${type}:${image.width}`);
      at += length;
    }
    expect(found).toEqual(['icp4:16', 'icp5:32', 'ic08:256', 'ic10:1024']);
  });
});
