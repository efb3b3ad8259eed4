/**
 * Icon containers for installers, written from PNG images (every size already drawn): Windows'
 * ICO (PNG-compressed entries, Vista and later) and Apple's ICNS (PNG-compressed types). Both are
 * small fixed layouts; see Microsoft's ICONDIR/ICONDIRENTRY and Apple's icns type table.
 */

export interface SizedPng {
  size: number;
  png: Buffer;
}

/** An .ico holding each PNG as an entry (sizes up to 256; 256 is written as 0, as the format says). */
export function icoFromPngs(images: readonly SizedPng[]): Buffer {
  const entries = images.filter((image) => image.size <= 256).sort((a, b) => a.size - b.size);
  if (entries.length === 0) throw new Error('An ICO needs at least one image of 256 px or less.');
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(entries.length, 4);
  const directory = Buffer.alloc(16 * entries.length);
  let offset = header.length + directory.length;
  entries.forEach((image, i) => {
    const at = i * 16;
    directory.writeUInt8(image.size >= 256 ? 0 : image.size, at);
    directory.writeUInt8(image.size >= 256 ? 0 : image.size, at + 1);
    directory.writeUInt8(0, at + 2); // no palette
    directory.writeUInt8(0, at + 3);
    directory.writeUInt16LE(1, at + 4); // colour planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(image.png.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += image.png.length;
  });
  return Buffer.concat([header, directory, ...entries.map((image) => image.png)]);
}

/** Apple's PNG-holding icns types by pixel size (the @2x types share sizes with larger 1x ones). */
const ICNS_TYPES: readonly { type: string; size: number }[] = [
  { type: 'icp4', size: 16 },
  { type: 'icp5', size: 32 },
  { type: 'icp6', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic08', size: 256 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
];

/** An .icns with every type whose size is among the images. */
export function icnsFromPngs(images: readonly SizedPng[]): Buffer {
  const bySize = new Map(images.map((image) => [image.size, image.png]));
  const chunks: Buffer[] = [];
  for (const { type, size } of ICNS_TYPES) {
    const png = bySize.get(size);
    if (!png) continue;
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    chunks.push(head, png);
  }
  if (chunks.length === 0) throw new Error('An ICNS needs at least one image of a size Apple defines.');
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}
