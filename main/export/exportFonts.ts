import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFonts } from './pdfWriter';

/** The export font's files (DejaVu Sans, from the dejavu-fonts-ttf package; free licence). */
export const EXPORT_FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/**
 * Where the export font can be: `dist/main/fonts` beside the bundled main process (the build copies
 * it there; that is what ships), or the package in node_modules (tests, development).
 */
export function exportFontDirectories(appRoot: string = process.cwd()): string[] {
  return [path.join(appRoot, 'dist', 'main', 'fonts'), path.join(appRoot, 'node_modules', 'dejavu-fonts-ttf', 'ttf')];
}

/** Loads the export font once from the first folder that holds both files. */
export function exportFontLoader(directories: readonly string[]): () => Promise<ExportFonts> {
  let loaded: Promise<ExportFonts> | null = null;
  return () => {
    loaded ??= (async () => {
      const dir = directories.find((d) => existsSync(path.join(d, EXPORT_FONT_FILES.regular)) && existsSync(path.join(d, EXPORT_FONT_FILES.bold)));
      if (!dir) throw new Error(`The export font (${EXPORT_FONT_FILES.regular}) is missing from ${directories.join(', ')}.`);
      const [regular, bold] = await Promise.all([readFile(path.join(dir, EXPORT_FONT_FILES.regular)), readFile(path.join(dir, EXPORT_FONT_FILES.bold))]);
      return { regular, bold };
    })();
    loaded.catch(() => {
      loaded = null;
    });
    return loaded;
  };
}
