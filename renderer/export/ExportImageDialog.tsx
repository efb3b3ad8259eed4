import { Callout, Classes, FormGroup, HTMLSelect, ProgressBar } from '@blueprintjs/core';
import type { Core } from 'cytoscape';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { DialogShell } from '../panels/DialogShell';
import { TLP_DESCRIPTIONS, TLP_LABELS, type TlpLabel } from '../../app/export/marking';
import { supportsTransparency, type BackgroundChoice, type ExportScope, type ImageExportOptions } from '../../app/export/pageLayout';
import {
  DPI_MAX,
  DPI_MIN,
  formatCount,
  formatMegapixels,
  IMAGE_FORMATS,
  isRasterFormat,
  PAPER_NAMES,
  PAPER_SIZES,
  SCALE_MAX,
  SCALE_MIN,
  type ImageFormat,
  type Orientation,
  type PaperName,
} from '../../app/export/sizing';
import { useApp } from '../appContext';
import { useStore } from '../store';
import { ScenePainter } from './canvasPainter';
import { viewStore } from '../views/views';
import { prepareExport, runExport, type ExportProgress, type PreparedExport } from './exportRunner';
import type { Annotation } from '../../app/domain';
import { calloutsForExport, scopeCounts } from './readChart';
import './exportDialog.css';
import { BUTTON } from '../ui/buttons';
import { Check } from '../ui/Check';

const FORMAT_LABELS: Record<ImageFormat, string> = { png: 'PNG', jpeg: 'JPEG', svg: 'SVG', pdf: 'PDF' };
const SCALES = [1, 2, 3, 4, 6, 8];
const DPI_PRESETS = [96, 150, 300, 600];

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The options of the last export in this window: the dialog opens where the analyst left it. */
let remembered: ImageExportOptions | null = null;

function initialOptions(): ImageExportOptions {
  return (
    remembered ?? {
      format: 'png',
      scope: 'chart',
      size: { mode: 'scale', scale: 2 },
      background: 'theme',
      title: '',
      subtitle: '',
      date: today(),
      author: '',
      marking: { kind: 'none' },
      legend: true,
      footnote: true,
      annotations: true,
      linkLabels: true,
    }
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What the export will produce, in words: the pixel size for PNG and JPEG, the page for SVG and PDF. */
function sizeSummary(options: ImageExportOptions, prepared: PreparedExport): string {
  if (isRasterFormat(options.format)) {
    return `${formatCount(prepared.width)} × ${formatCount(prepared.height)} px · ${formatMegapixels(prepared.width * prepared.height)} · ${Math.round(prepared.dpi)} DPI`;
  }
  if (options.size.mode === 'paper') return `${PAPER_SIZES[options.size.paper].label} ${options.size.orientation}, vector`;
  return `${formatCount(prepared.width)} × ${formatCount(prepared.height)} px page, vector`;
}

function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <FormGroup inline label={label} helperText={hint}>
      {children}
    </FormGroup>
  );
}

function Choice<T extends string>({ name, value, current, label, disabled, onChange }: { name: string; value: T; current: T; label: string; disabled?: boolean; onChange: (v: T) => void }) {
  return (
    <Check type="radio" name={name} value={value} checked={current === value} disabled={disabled} onChange={() => onChange(value)}>
      {label}
    </Check>
  );
}

/** The preview: the scene drawn small with the same painter as the tiles. */
function Preview({ prepared }: { prepared: PreparedExport | null }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    if (!element || !prepared) return;
    const { scene } = prepared;
    const box = { width: 420, height: 300 };
    const fit = Math.min(box.width / scene.width, box.height / scene.height);
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(scene.width * fit));
    const height = Math.max(1, Math.round(scene.height * fit));
    element.width = Math.round(width * ratio);
    element.height = Math.round(height * ratio);
    element.style.width = `${width}px`;
    element.style.height = `${height}px`;
    const ctx = element.getContext('2d');
    if (!ctx) return;
    new ScenePainter(scene, (d) => new Path2D(d)).paintTile(ctx, { x: 0, y: 0, width: element.width, height: element.height }, fit * ratio);
  }, [prepared]);
  return (
    <div className={`${Classes.CARD} ${Classes.ELEVATION_0} export-preview`} data-testid="export-preview">
      <canvas ref={canvas} className={`${Classes.ELEVATION_1}${prepared?.scene.background === null ? ' transparent' : ''}`} aria-label="Preview of the exported image" role="img" />
    </div>
  );
}

const NO_CALLOUTS: readonly Annotation[] = [];

function ExportForm({ cy, close }: { cy: Core; close: () => void }) {
  const { api, store, tasks } = useApp();
  const caseName = useStore(store, (s) => s.caseInfo?.name ?? 'Chart');
  const callouts = useStore(store, (s) => s.chart?.annotations ?? NO_CALLOUTS);
  const caseMarking = useStore(store, (s) => s.caseInfo?.marking ?? null);
  // The case's handling marking is the default banner; the analyst may change it for this export.
  const [options, setOptions] = useState<ImageExportOptions>(() => ({ ...initialOptions(), ...(caseMarking ? { marking: caseMarking } : {}) }));
  const [prepared, setPrepared] = useState<PreparedExport | null>(null);
  /** The options the preview shows (it lags the form by a debounce). */
  const [preparedFor, setPreparedFor] = useState<ImageExportOptions | null>(null);
  const [prepareError, setPrepareError] = useState<string | null>(null);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [status, setStatus] = useState<{ kind: 'saved' | 'failed' | 'cancelled'; text: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [counts] = useState(() => scopeCounts(cy));
  // The view in front (the timeline) exports itself when it can; otherwise the chart is exported.
  const [view] = useState(() => {
    const handle = viewStore.handle();
    return handle?.exportScene ? { scene: handle.exportScene, name: handle.exportName ?? 'view' } : null;
  });

  const update = (patch: Partial<ImageExportOptions>) => {
    setStatus(null);
    setOptions((current) => {
      const next = { ...current, ...patch };
      if (!supportsTransparency(next.format) && next.background === 'transparent') next.background = 'white';
      return next;
    });
  };

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      prepareExport(api, cy, options, calloutsForExport(cy, callouts, options.scope), view?.scene ?? null)
        .then((result) => {
          if (stale) return;
          setPrepared(result);
          setPreparedFor(options);
          setPrepareError(null);
        })
        .catch((error: unknown) => {
          if (!stale) setPrepareError(error instanceof Error ? error.message : String(error));
        });
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [api, cy, options, callouts, view]);

  const running = progress !== null;
  const problem = prepareError ?? prepared?.problem ?? null;

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setStatus(null);
    setProgress({ phase: 'preparing', done: 0, total: 1 });
    remembered = options;
    // The same work in the status-bar task list: its progress, and its Cancel stops the export as the dialog's does.
    const task = tasks.start({ kind: 'image-export', label: `Export image: ${FORMAT_LABELS[options.format]}`, cancel: () => controller.abort() });
    const report = (next: ExportProgress) => {
      setProgress(next);
      task.progress(next.done, next.total, next.phase === 'drawing' ? 'tiles' : undefined);
    };
    const outcome = await runExport(
      api,
      cy,
      options,
      `${caseName} ${view?.name ?? 'chart'}`,
      report,
      controller.signal,
      calloutsForExport(cy, callouts, options.scope),
      view?.scene ?? null,
    );
    abort.current = null;
    setProgress(null);
    if (outcome.kind === 'saved') task.finish();
    else if (outcome.kind === 'cancelled') task.cancelled();
    else task.fail(outcome.message);
    if (outcome.kind === 'saved') {
      setStatus({ kind: 'saved', text: `Saved ${outcome.saved.fileName} (${formatBytes(outcome.saved.bytes)}) in ${(outcome.elapsedMs / 1000).toFixed(1)} s.` });
    } else if (outcome.kind === 'cancelled') {
      setStatus({ kind: 'cancelled', text: 'Export cancelled; nothing was written.' });
    } else {
      setStatus({ kind: 'failed', text: outcome.message });
    }
  };

  const size = options.size;
  const raster = isRasterFormat(options.format);
  const marking = options.marking;

  return (
    <form
      method="dialog"
      className="export-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!running && !problem && prepared) void start();
      }}
    >
      <div className="export-columns">
        <div className="export-options">
          <Field label="Format">
            {IMAGE_FORMATS.map((format) => (
              <Choice key={format} name="format" value={format} current={options.format} label={FORMAT_LABELS[format]} onChange={(v) => update({ format: v })} />
            ))}
          </Field>
          <Field label="Export">
            {(
              [
                ['chart', `Whole chart (${counts.chart})`],
                ['view', `Current view (${counts.view})`],
                ['selection', `Selection (${counts.selection})`],
              ] as [ExportScope, string][]
            ).map(([scope, label]) => (
              <Choice key={scope} name="scope" value={scope} current={options.scope} label={label} disabled={counts[scope] === 0} onChange={(v) => update({ scope: v })} />
            ))}
          </Field>
          <Field label="Size">
            <div className="export-row">
              <Choice name="size" value="scale" current={size.mode} label={raster ? 'Scale' : 'Chart’s own size'} onChange={() => update({ size: { mode: 'scale', scale: size.mode === 'scale' ? size.scale : 2 } })} />
              {raster && size.mode === 'scale' && (
                <HTMLSelect aria-label="Scale factor" value={String(size.scale)} onChange={(e) => update({ size: { mode: 'scale', scale: Number(e.target.value) } })}>
                  {[...new Set([...SCALES, size.scale])]
                    .filter((s) => s >= SCALE_MIN && s <= SCALE_MAX)
                    .sort((a, b) => a - b)
                    .map((s) => (
                      <option key={s} value={String(s)}>
                        {s}×
                      </option>
                    ))}
                </HTMLSelect>
              )}
            </div>
            <div className="export-row">
              <Choice
                name="size"
                value="paper"
                current={size.mode}
                label="Paper"
                onChange={() => update({ size: { mode: 'paper', paper: 'A4', orientation: 'landscape', dpi: size.mode === 'paper' ? size.dpi : 300 } })}
              />
              {size.mode === 'paper' && (
                <>
                  <HTMLSelect aria-label="Paper size" value={size.paper} onChange={(e) => update({ size: { ...size, paper: e.target.value as PaperName } })}>
                    {PAPER_NAMES.map((p) => (
                      <option key={p} value={p}>
                        {PAPER_SIZES[p].label}
                      </option>
                    ))}
                  </HTMLSelect>
                  <HTMLSelect aria-label="Orientation" value={size.orientation} onChange={(e) => update({ size: { ...size, orientation: e.target.value as Orientation } })}>
                    <option value="landscape">Landscape</option>
                    <option value="portrait">Portrait</option>
                  </HTMLSelect>
                  {raster && (
                    <label className="export-row" style={{ width: 'auto', gap: 5 }}>
                      <input
                        type="number"
                        className={Classes.INPUT}
                        style={{ width: 88 }}
                        aria-label="DPI"
                        min={DPI_MIN}
                        max={DPI_MAX}
                        step={1}
                        list="export-dpi-presets"
                        value={size.dpi}
                        onChange={(e) => {
                          const dpi = Math.round(Number(e.target.value));
                          if (Number.isFinite(dpi)) update({ size: { ...size, dpi: Math.min(DPI_MAX, Math.max(DPI_MIN, dpi)) } });
                        }}
                      />
                      DPI
                      <datalist id="export-dpi-presets">
                        {DPI_PRESETS.map((d) => (
                          <option key={d} value={d} />
                        ))}
                      </datalist>
                    </label>
                  )}
                </>
              )}
            </div>
          </Field>
          <Field label="Background">
            {(
              [
                ['theme', 'Theme'],
                ['white', 'White'],
                ['transparent', 'Transparent'],
              ] as [BackgroundChoice, string][]
            ).map(([value, label]) => (
              <Choice
                key={value}
                name="background"
                value={value}
                current={options.background}
                label={label}
                disabled={value === 'transparent' && !supportsTransparency(options.format)}
                onChange={(v) => update({ background: v })}
              />
            ))}
          </Field>
          <Field label="Title">
            <input dir="auto" type="text" className={`${Classes.INPUT} ${Classes.FILL}`} aria-label="Title" value={options.title} maxLength={300} onChange={(e) => update({ title: e.target.value })} />
          </Field>
          <Field label="Subtitle">
            <input dir="auto" type="text" className={`${Classes.INPUT} ${Classes.FILL}`} aria-label="Subtitle" value={options.subtitle} maxLength={300} onChange={(e) => update({ subtitle: e.target.value })} />
          </Field>
          <Field label="Date">
            <input dir="auto" type="text" className={`${Classes.INPUT} ${Classes.FILL}`} aria-label="Date" value={options.date} maxLength={60} placeholder="No date" onChange={(e) => update({ date: e.target.value })} />
          </Field>
          <Field label="Author" hint="Only what you type here is printed.">
            <input dir="auto" type="text" className={`${Classes.INPUT} ${Classes.FILL}`} aria-label="Author" value={options.author} maxLength={200} onChange={(e) => update({ author: e.target.value })} />
          </Field>
          <Field label="Marking" hint={marking.kind === 'tlp' ? TLP_DESCRIPTIONS[marking.label] : 'Printed at the top and bottom of the image.'}>
            <div className="export-row">
              <HTMLSelect
                aria-label="Marking"
                value={marking.kind}
                onChange={(e) => {
                  const kind = e.target.value;
                  update({ marking: kind === 'tlp' ? { kind: 'tlp', label: 'AMBER' } : kind === 'text' ? { kind: 'text', text: '' } : { kind: 'none' } });
                }}
              >
                <option value="none">None</option>
                <option value="text">Text</option>
                <option value="tlp">TLP 2.0</option>
              </HTMLSelect>
              {marking.kind === 'text' && (
                <input dir="auto" type="text" className={Classes.INPUT} style={{ flex: 1 }} aria-label="Marking text" value={marking.text} maxLength={300} placeholder="e.g. OFFICIAL-SENSITIVE" onChange={(e) => update({ marking: { kind: 'text', text: e.target.value } })} />
              )}
              {marking.kind === 'tlp' && (
                <HTMLSelect aria-label="TLP label" value={marking.label} onChange={(e) => update({ marking: { kind: 'tlp', label: e.target.value as TlpLabel } })}>
                  {TLP_LABELS.map((label) => (
                    <option key={label} value={label}>
                      TLP:{label}
                    </option>
                  ))}
                </HTMLSelect>
              )}
            </div>
          </Field>
          <Field label="Include">
            <Check checked={options.legend} onChange={(e) => update({ legend: e.target.checked })}>
              Legend
            </Check>
            <Check checked={options.footnote} onChange={(e) => update({ footnote: e.target.checked })}>
              Sources footnote
            </Check>
            <Check checked={options.linkLabels} onChange={(e) => update({ linkLabels: e.target.checked })}>
              Link labels
            </Check>
            <Check
              title={callouts.length === 0 ? 'This chart has no callouts.' : undefined}
              checked={callouts.length > 0 && options.annotations}
              disabled={callouts.length === 0}
              onChange={(e) => update({ annotations: e.target.checked })}
            >
              Callouts ({callouts.length})
            </Check>
          </Field>
        </div>
        <div className="export-side">
          <Preview prepared={prepared} />
          <p className={Classes.HEADING} data-testid="export-size" data-ready={prepared !== null && preparedFor === options} aria-live="polite">
            {prepared ? sizeSummary(options, prepared) : 'Preparing the preview…'}
          </p>
          {problem !== null && (
            <Callout intent="danger" compact role="alert" data-testid="export-problem">
              {problem}
            </Callout>
          )}
          {progress && (
            <div role="status" data-testid="export-progress">
              <div className={Classes.TEXT_SMALL}>
                {progress.phase === 'preparing'
                  ? 'Preparing…'
                  : progress.phase === 'drawing'
                    ? `Drawing tile ${progress.done + 1} of ${progress.total}…`
                    : 'Saving…'}
              </div>
              <ProgressBar intent="primary" value={progress.total > 0 ? progress.done / progress.total : 0} />
            </div>
          )}
          {status && (
            <Callout intent={status.kind === 'failed' ? 'danger' : status.kind === 'saved' ? 'success' : 'none'} compact role="status" data-testid="export-status">
              {status.text}
            </Callout>
          )}
        </div>
      </div>
      <div className={Classes.DIALOG_FOOTER_ACTIONS}>
        {running ? (
          <button type="button" className={BUTTON.plain} onClick={() => abort.current?.abort()}>
            Cancel export
          </button>
        ) : (
          <button type="button" className={BUTTON.plain} onClick={close}>
            Close
          </button>
        )}
        <button type="submit" className={BUTTON.primary} disabled={running || problem !== null || prepared === null}>
          Export…
        </button>
      </div>
    </form>
  );
}

/** File › Export image: what to export, how large, with what around it; a preview; progress; cancel. */
export function ExportImageDialog() {
  const { store, commands } = useApp();
  const open = useStore(store, (s) => s.exportImageOpen);
  const cy = open ? (commands.chart()?.cy ?? null) : null;

  const close = () => store.setState({ exportImageOpen: false });

  return (
    <DialogShell
      open={open}
      title="Export image"
      titleId="export-dialog-title"
      className="export-dialog"
      testId="export-dialog"
      onClose={close}
      // Escape closes the dialog, but not in the middle of an export (Cancel export stops it).
      busy={(element) => element.querySelector('[data-testid="export-progress"]') !== null}
    >
      {open && cy && <ExportForm cy={cy} close={close} />}
      {open && !cy && (
        <Callout intent="danger" compact>
          Open a case with a chart to export it.
        </Callout>
      )}
    </DialogShell>
  );
}
