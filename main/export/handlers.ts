import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { CitedSource } from '../../app/export/footnote';
import { rasterSizeProblem, type ImageFormat } from '../../app/export/sizing';
import { sceneToSvg } from '../../app/export/svgWriter';
import { planTiles } from '../../app/export/tiling';
import type { RasterExportStarted, SavedImage } from '../../app/export/imageChannels';
import { WorkbenchFailure } from '../../app/result';
import { listCitations } from '../../db/citations';
import { listSources } from '../../db/sources';
import type { CaseSession } from '../caseSession';
import type { Handlers } from '../dispatch';
import { writeFileAtomically } from './atomicFile';
import type { ExportFonts } from './pdfWriter';
import { sceneToPdf } from './pdfWriter';
import { RasterJob, TileRejected } from './rasterJob';

/** Asks where to save an image; null when the analyst cancels. */
export type ChooseImagePath = (format: ImageFormat, suggestedName: string) => Promise<string | null>;

type ChartImageChannel =
  | 'image.sources'
  | 'image.saveVector'
  | 'image.begin'
  | 'image.tile'
  | 'image.finish'
  | 'image.cancel';

export interface ChartImageHandlerDeps {
  session: CaseSession;
  /** The save dialog; without one (a host with no dialogs) every export is refused. */
  chooseImagePath?: ChooseImagePath;
  loadFonts: () => Promise<ExportFonts>;
  /** A raster export that hears nothing for this long is dropped with its temporary file. */
  idleTimeoutMs?: number;
}

export const IMAGE_EXTENSIONS: Record<ImageFormat, string> = { png: '.png', jpeg: '.jpg', svg: '.svg', pdf: '.pdf' };

/** A file name the analyst can keep: no folders, no control characters, not too long. */
export function safeFileStem(name: string): string {
  const stem = [...name.normalize('NFC')]
    // Control characters and the characters Windows, macOS or Linux refuse in a file name.
    .map((c) => ((c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f' || '<>:"/\\|?*'.includes(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return stem === '' ? 'Chart' : stem;
}

/** The path with the format's extension (save dialogs on Linux do not add it). */
export function withImageExtension(target: string, format: ImageFormat): string {
  const ext = path.extname(target).toLowerCase();
  const accepted = format === 'jpeg' ? ['.jpg', '.jpeg'] : [IMAGE_EXTENSIONS[format]];
  return accepted.includes(ext) ? target : target + IMAGE_EXTENSIONS[format];
}

const cancelled = () => new WorkbenchFailure('cancelled', 'Cancelled.');

/** File-system errors as the analyst should read them; anything else is rethrown. */
function asWriteFailure(error: unknown): never {
  const code = (error as { code?: unknown } | null)?.code;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'that folder cannot be written to',
    EPERM: 'that folder cannot be written to',
    EROFS: 'that disk is read-only',
    ENOENT: 'that folder no longer exists',
    EISDIR: 'a folder has that name',
  };
  if (typeof code === 'string' && reasons[code]) throw new WorkbenchFailure('storage', `The image was not saved: ${reasons[code]}.`);
  throw error;
}

/** The chart image channels: the footnote's sources, vector files, and tiled raster files. */
export function createChartImageHandlers({ session, chooseImagePath, loadFonts, idleTimeoutMs = 10 * 60_000 }: ChartImageHandlerDeps): Pick<Handlers, ChartImageChannel> {
  let job: { id: string; raster: RasterJob; timer: ReturnType<typeof setTimeout> } | null = null;

  const dropJob = async () => {
    const current = job;
    job = null;
    if (current) {
      clearTimeout(current.timer);
      await current.raster.cancel().catch(() => undefined);
    }
  };
  const touch = (current: NonNullable<typeof job>) => {
    clearTimeout(current.timer);
    current.timer = setTimeout(() => {
      if (job === current) void dropJob();
    }, idleTimeoutMs);
    current.timer.unref?.();
  };
  const requireJob = (jobId: string) => {
    if (!job || job.id !== jobId) throw new WorkbenchFailure('not_found', 'That export is no longer running.');
    touch(job);
    return job;
  };
  const askPath = async (format: ImageFormat, suggestedName: string): Promise<string> => {
    if (!chooseImagePath) throw new WorkbenchFailure('unsupported', 'Saving images needs the desktop app’s save dialog.');
    const chosen = await chooseImagePath(format, safeFileStem(suggestedName) + IMAGE_EXTENSIONS[format]);
    if (chosen === null) throw cancelled();
    return withImageExtension(chosen, format);
  };

  return {
    'image.sources': ({ entityIds, linkIds }): CitedSource[] => {
      const db = session.requireStore().db;
      const wanted = new Set([...entityIds, ...linkIds]);
      const citedBy = new Map<string, Set<string>>();
      for (const citation of listCitations(db)) {
        if (!wanted.has(citation.target.id)) continue;
        let set = citedBy.get(citation.sourceId);
        if (!set) {
          set = new Set();
          citedBy.set(citation.sourceId, set);
        }
        set.add(citation.target.id);
      }
      return listSources(db)
        .filter((s) => citedBy.has(s.id))
        .map((s) => ({
          id: s.id,
          title: s.title,
          author: s.author,
          publisher: s.publisher,
          publishedDate: s.publishedDate,
          reference: s.reference,
          citedBy: citedBy.get(s.id)?.size ?? 0,
        }));
    },
    'image.saveVector': async ({ format, scene, suggestedName }): Promise<SavedImage> => {
      const target = await askPath(format, suggestedName);
      const data = format === 'svg' ? sceneToSvg(scene) : await sceneToPdf(scene, await loadFonts());
      const bytes = await writeFileAtomically(target, data).catch(asWriteFailure);
      return { fileName: path.basename(target), bytes };
    },
    'image.begin': async ({ format, width, height, dpi, alpha, suggestedName }): Promise<RasterExportStarted> => {
      const problem = rasterSizeProblem(format, width, height);
      if (problem) throw new WorkbenchFailure('invalid_input', problem);
      await dropJob();
      const target = await askPath(format, suggestedName);
      const plan = planTiles(width, height);
      let raster: RasterJob;
      try {
        raster = await RasterJob.start(target, { format, plan, dpi, alpha: format === 'png' && alpha });
      } catch (error) {
        if (error instanceof TileRejected) throw new WorkbenchFailure('invalid_input', error.message);
        return asWriteFailure(error);
      }
      const started = { id: randomUUID(), raster, timer: setTimeout(() => undefined, 0) };
      job = started;
      touch(started);
      return { jobId: started.id, fileName: path.basename(target), plan };
    },
    'image.tile': async ({ jobId, column, row, pixels }) => {
      const current = requireJob(jobId);
      try {
        await current.raster.addTile(column, row, pixels);
      } catch (error) {
        await dropJob();
        if (error instanceof TileRejected) throw new WorkbenchFailure('invalid_input', `The export stopped: ${error.message}`);
        return asWriteFailure(error);
      }
      return { received: current.raster.tilesReceived, total: current.raster.tilesTotal };
    },
    'image.finish': async ({ jobId }): Promise<SavedImage> => {
      const current = requireJob(jobId);
      clearTimeout(current.timer);
      job = null;
      try {
        const { bytes } = await current.raster.finish();
        return { fileName: path.basename(current.raster.target), bytes };
      } catch (error) {
        await current.raster.cancel().catch(() => undefined);
        if (error instanceof TileRejected) throw new WorkbenchFailure('invalid_input', error.message);
        return asWriteFailure(error);
      }
    },
    'image.cancel': async ({ jobId }) => {
      if (job && job.id === jobId) await dropJob();
      return null;
    },
  };
}
