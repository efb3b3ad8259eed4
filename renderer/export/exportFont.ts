import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import { cachedMeasurer, type TextMeasurer } from '../../app/export/text';
import { canvasFont, EXPORT_FONT_FAMILY } from './canvasPainter';

/*
 * Exported images use one font everywhere: DejaVu Sans, bundled with the app (served from 'self',
 * as the CSP's font-src allows). The scene's text is measured with it here, the canvas tiles draw
 * with it, the PDF embeds the same file, and the SVG names it: labels wrap and centre alike in
 * every format, on every machine, whatever fonts the system has.
 */

let loading: Promise<void> | null = null;

/** Registers the export font with the document (once) and waits until both weights are ready. */
export function loadExportFont(): Promise<void> {
  loading ??= (async () => {
    const faces = [
      new FontFace(EXPORT_FONT_FAMILY, `url("${regularUrl}")`, { weight: '400' }),
      new FontFace(EXPORT_FONT_FAMILY, `url("${boldUrl}")`, { weight: '700' }),
    ];
    await Promise.all(faces.map((face) => face.load()));
    for (const face of faces) document.fonts.add(face);
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** Measures text with the export font on a canvas (call after loadExportFont). */
export function exportFontMeasurer(): TextMeasurer {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) throw new Error('This window cannot draw on a canvas, so it cannot export images.');
  return cachedMeasurer((text, fontSize, weight) => {
    ctx.font = canvasFont({ fontSize, weight });
    return ctx.measureText(text).width;
  });
}
