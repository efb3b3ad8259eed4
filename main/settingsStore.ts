import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  SETTINGS_FORMAT,
  settingsFileSchema,
  type Settings,
  type SettingsPatch,
  type SettingsSnapshot,
} from '../app/settings';
import { WorkbenchFailure } from '../app/result';

/** How the file on disk was found at start-up. */
type Found = { kind: 'missing' } | { kind: 'ok'; settings: Settings } | { kind: 'newer'; format: number } | { kind: 'unreadable'; reason: string };

/**
 * The app's settings file in the user-data folder. Written whole or not at all (a temporary file
 * beside it, flushed, then renamed over it). A file this version cannot read — damaged, or written
 * by a newer version — is never overwritten: it is renamed aside before anything is written, the
 * defaults are used, and `snapshot()` says once where it went. When it cannot even be moved, the
 * settings last for this session only and the file stays as it was.
 */
export class SettingsStore {
  private settings: Settings;
  private notice: string | null = null;
  /** False when a file this version cannot read could not be moved aside: nothing is written then. */
  private writable = true;

  /** `file` null: settings that last for the session only (tests, or a harness without a folder). */
  constructor(
    private readonly file: string | null,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.settings = DEFAULT_SETTINGS;
    if (file === null) return;
    const found = readSettingsFile(file);
    if (found.kind === 'ok') this.settings = found.settings;
    else if (found.kind !== 'missing') this.setAside(file, found);
  }

  /** The settings, and (the first time only) why a file was set aside. */
  snapshot(): SettingsSnapshot {
    const notice = this.notice;
    this.notice = null;
    return { settings: this.settings, notice };
  }

  current(): Settings {
    return this.settings;
  }

  /** Applies a change and writes the file; when the write fails the settings stay as they were. */
  update(patch: SettingsPatch): Settings {
    const next = applySettingsPatch(this.settings, patch);
    if (this.file !== null && this.writable) {
      try {
        writeAtomically(this.file, `${JSON.stringify({ format: SETTINGS_FORMAT, ...next }, null, 2)}\n`);
      } catch (error) {
        throw new WorkbenchFailure('internal', `The settings could not be saved (${error instanceof Error ? error.message : String(error)}); they are as they were.`);
      }
    }
    this.settings = next;
    return next;
  }

  private setAside(file: string, found: Extract<Found, { kind: 'newer' | 'unreadable' }>): void {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const aside = join(dirname(file), `${basename(file, '.json')}.${found.kind === 'newer' ? 'newer' : 'unreadable'}-${stamp}.json`);
    const why =
      found.kind === 'newer'
        ? `Your settings file was written by a newer version of Analyst Workbench (format ${found.format})`
        : `Your settings file could not be read (${found.reason})`;
    try {
      if (existsSync(aside)) throw new Error(`${basename(aside)} already exists`);
      renameSync(file, aside);
      this.notice = `${why}. It was kept as ${basename(aside)} beside it, and the default settings are used.`;
    } catch (error) {
      this.writable = false;
      this.notice = `${why}, and it could not be moved aside (${error instanceof Error ? error.message : String(error)}). The default settings are used for this session; the file is left as it was.`;
    }
  }
}

function readSettingsFile(file: string): Found {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'it is not JSON' };
  }
  if (typeof json === 'object' && json !== null && 'format' in json) {
    const format = json.format;
    if (typeof format === 'number' && Number.isInteger(format) && format > SETTINGS_FORMAT) return { kind: 'newer', format };
  }
  const parsed = settingsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'unreadable', reason: issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'unexpected content' };
  }
  const { format: _format, ...settings } = parsed.data;
  return { kind: 'ok', settings };
}

/** The file whole or not at all: a crash or a full disk leaves the previous file (or none), never half of one. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset, bytes.byteLength - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
