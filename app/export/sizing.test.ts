import { describe, expect, it } from 'vitest';
import { imageDpi, paperMm, pdfPageSize, pixelsPerMetre, rasterSize, rasterSizeProblem } from './sizing';

describe('image sizes', () => {
  it('gives a paper size at a DPI the pixels a print shop expects', () => {
    expect(rasterSize(0, 0, { mode: 'paper', paper: 'A4', orientation: 'portrait', dpi: 300 })).toEqual({ width: 2480, height: 3508 });
    expect(rasterSize(0, 0, { mode: 'paper', paper: 'A3', orientation: 'landscape', dpi: 300 })).toEqual({ width: 4961, height: 3508 });
    expect(rasterSize(0, 0, { mode: 'paper', paper: 'Letter', orientation: 'portrait', dpi: 600 })).toEqual({ width: 5100, height: 6600 });
    expect(rasterSize(0, 0, { mode: 'paper', paper: 'A4', orientation: 'landscape', dpi: 96 })).toEqual({ width: 1123, height: 794 });
  });

  it('scales the page and rounds up, never to zero', () => {
    expect(rasterSize(1000.2, 500, { mode: 'scale', scale: 2 })).toEqual({ width: 2001, height: 1000 });
    expect(rasterSize(0.1, 0.1, { mode: 'scale', scale: 0.25 })).toEqual({ width: 1, height: 1 });
  });

  it('writes the resolution that prints a scaled image at the chart’s own size', () => {
    expect(imageDpi({ mode: 'scale', scale: 2 })).toBe(192);
    expect(imageDpi({ mode: 'paper', paper: 'A4', orientation: 'portrait', dpi: 300 })).toBe(300);
    expect(pixelsPerMetre(300)).toBe(11811);
    expect(pixelsPerMetre(96)).toBe(3780);
  });

  it('turns paper for the orientation', () => {
    expect(paperMm('A3', 'portrait')).toEqual({ widthMm: 297, heightMm: 420 });
    expect(paperMm('A3', 'landscape')).toEqual({ widthMm: 420, heightMm: 297 });
  });

  it('refuses sizes that cannot be made, saying why and what to do', () => {
    expect(rasterSizeProblem('png', 20_000, 20_000)).toBeNull();
    expect(rasterSizeProblem('png', 70_000, 100)).toMatch(/at most 65,535 px/);
    expect(rasterSizeProblem('png', 40_000, 40_000)).toMatch(/too large for PNG.*1,000 megapixels/);
    expect(rasterSizeProblem('jpeg', 12_000, 12_000)).toMatch(/too large for JPEG.*120 megapixels.*PNG/);
    expect(rasterSizeProblem('jpeg', 10_000, 10_000)).toBeNull();
    expect(rasterSizeProblem('png', 0, 10)).toMatch(/empty/);
  });

  it('keeps PDF pages within 200 inches by scaling them down', () => {
    expect(pdfPageSize({ width: 960, height: 480 })).toEqual({ width: 720, height: 360, scale: 0.75 });
    const huge = pdfPageSize({ width: 40_000, height: 10_000 });
    expect(huge.width).toBeCloseTo(14_400);
    expect(huge.height).toBeCloseTo(3_600);
    const a4 = pdfPageSize({ width: 793.7, height: 1122.5, paper: { widthMm: 210, heightMm: 297 } });
    expect(a4.width).toBeCloseTo(595.28, 1);
    expect(a4.height).toBeCloseTo(841.89, 1);
  });
});
