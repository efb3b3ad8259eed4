import { Callout, Classes, HTMLSelect, Spinner } from '@blueprintjs/core';
import { DialogShell } from '../panels/DialogShell';
import { useEffect, useRef, useState } from 'react';
import type { ImportFormat } from '../../app/interchange/graph';
import { TABLE_LAYOUT_LABELS, type DateOrder, type TableReading } from '../../app/interchange/csvMapping';
import { describeCut, skippedTotal, type CutValue, type EntityDecision, type EntityPlan, type ImportPreview, type ImportReport } from '../../app/interchange/plan';
import { RELIABILITY_GRADES, type Reliability } from '../../app/domain';
import { useApp } from '../appContext';
import { useStore } from '../store';
import { CsvMappingStep } from './CsvMappingStep';
import { csvMappingPresets, toCsvMapping, type CsvMappingForm } from './csvMappingForm';
import { interchangeStore } from './interchangeState';
import { trackCall } from '../tasks/trackCall';
import './interchange.css';
import { BUTTON } from '../ui/buttons';

/** A list that scrolls past a few lines. */
const LIST = `ix-list ${Classes.LIST} ${Classes.TEXT_SMALL}`;

type FormatChoice = ImportFormat | 'auto';

const FORMAT_LABELS: Record<FormatChoice, string> = {
  auto: 'Detect from the file',
  stix: 'STIX 2.1 bundle',
  graphml: 'GraphML',
  gexf: 'GEXF',
  csv: 'CSV (rows, edge list or matrix)',
  xlsx: 'Excel workbook (.xlsx)',
  misp: 'MISP galaxy clusters',
  'misp-event': 'MISP event (JSON)',
  mtgx: 'Maltego graph (MTGX)',
  anx: 'i2 ANX',
  json: 'Workbench case JSON',
};

/** How many rows of a table are drawn (the counts above it are always whole). */
const ROW_LIMIT = 300;

type Step =
  | { kind: 'choose' }
  | { kind: 'reading' }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'importing'; preview: ImportPreview }
  | { kind: 'done'; report: ImportReport; fileName: string };

/** The analyst's choice for an entity, as the chooser's value: "create", "skip" or "merge:<id>". */
function choiceOf(plan: EntityPlan): string {
  if (plan.action === 'merge' && plan.into) return `merge:${plan.into.id}`;
  return plan.action;
}

function decisionOf(value: string): EntityDecision {
  if (value.startsWith('merge:')) return { action: 'merge', into: value.slice('merge:'.length) };
  return value === 'skip' ? { action: 'skip' } : { action: 'create' };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function EntityTable({
  title,
  rows,
  testId,
  choices,
  setChoice,
}: {
  title: string;
  rows: EntityPlan[];
  testId: string;
  choices: Record<string, string>;
  setChoice: (key: string, value: string) => void;
}) {
  if (rows.length === 0) return null;
  const shown = rows.slice(0, ROW_LIMIT);
  return (
    <section className="ix-section" data-testid={testId}>
      <h3>
        {title} ({rows.length.toLocaleString()})
      </h3>
      {/* Focusable so the keyboard can scroll a long table (axe: scrollable-region-focusable). */}
      <div className="ix-table-wrap" tabIndex={0} role="region" aria-label={title}>
        <table className={`${Classes.HTML_TABLE} ${Classes.COMPACT} ${Classes.HTML_TABLE_STRIPED} ix-table`}>
          <thead>
            <tr>
              <th scope="col">Incoming</th>
              <th scope="col">Type</th>
              <th scope="col">Import as</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const choosable = row.candidates.length > 0 || row.action !== 'create';
              const value = choices[row.key] ?? choiceOf(row);
              return (
                <tr key={row.key} data-entity={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{row.type}</td>
                  <td>
                    {choosable ? (
                      <HTMLSelect aria-label={`Import ${row.label} as`} value={value} onChange={(e) => setChoice(row.key, e.target.value)}>
                        {row.candidates.map((candidate) => (
                          <option key={candidate.id} value={`merge:${candidate.id}`}>
                            Merge into {candidate.label} ({candidate.type}
                            {candidate.matchedName !== candidate.label ? `, as “${candidate.matchedName}”` : ''}
                            {candidate.similarity < 1 ? `, ${Math.round(candidate.similarity * 100)}% similar` : ''})
                          </option>
                        ))}
                        {row.into && !row.candidates.some((c) => c.id === row.into?.id) && (
                          <option value={`merge:${row.into.id}`}>Merge into {row.into.label}</option>
                        )}
                        <option value="create">Create new</option>
                        <option value="skip">Skip</option>
                      </HTMLSelect>
                    ) : (
                      'New entity'
                    )}
                  </td>
                  <td className={Classes.TEXT_MUTED}>{row.reason}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length && <p className={Classes.TEXT_MUTED}>…and {(rows.length - shown.length).toLocaleString()} more.</p>}
    </section>
  );
}

/** What the reader understood of a table: layout, encoding, header, dates, and the first rows as what they become. */
function TableReadingView({ table }: { table: TableReading }) {
  const delimiter = table.delimiter === null ? null : (DELIMITER_NAMES[table.delimiter] ?? table.delimiter);
  return (
    <section className="ix-section" data-testid="import-table-reading">
      <h3>How the file was read</h3>
      <dl className="ix-counts">
        <div>
          <dt className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL}`}>Layout</dt>
          <dd data-testid="table-layout">
            {TABLE_LAYOUT_LABELS[table.layout]}: {table.layoutReason}
          </dd>
        </div>
        {table.sheet !== null && (
          <div>
            <dt className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL}`}>Sheet</dt>
            <dd>{table.sheet}</dd>
          </div>
        )}
        {table.encoding !== null && (
          <div>
            <dt className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL}`}>Encoding</dt>
            <dd data-testid="table-encoding">
              {table.encoding}
              {table.bom ? ' with a byte order mark' : ''} ({table.encodingReason})
            </dd>
          </div>
        )}
        <div>
          <dt className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL}`}>Columns</dt>
          <dd>
            {delimiter !== null ? `${delimiter}-separated; ` : ''}
            {table.hasHeader ? `first row is a header (${table.columns.slice(0, 12).join(', ')}${table.columns.length > 12 ? ', …' : ''})` : 'no header row'}; {table.rows.toLocaleString()} rows
          </dd>
        </div>
        {table.dateOrderReason !== '' && (
          <div>
            <dt className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL}`}>Dates</dt>
            <dd data-testid="table-dates">
              {table.dateOrder === null ? 'not read: ' : `${DATE_ORDER_NAMES[table.dateOrder]}: `}
              {table.dateOrderReason}
            </dd>
          </div>
        )}
      </dl>
      {table.sample.length > 0 && (
        <div className="ix-table-wrap" tabIndex={0} role="region" aria-label="The first rows as read">
          <table className={`${Classes.HTML_TABLE} ${Classes.COMPACT} ${Classes.HTML_TABLE_STRIPED} ix-table`} data-testid="table-sample">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Cells</th>
                <th scope="col">Becomes</th>
              </tr>
            </thead>
            <tbody>
              {table.sample.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td className={Classes.TEXT_MUTED}>{row.cells.slice(0, 8).join(' | ')}{row.cells.length > 8 ? ' | …' : ''}</td>
                  <td>{row.reads}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'bar' };
const DATE_ORDER_NAMES: Record<DateOrder, string> = { iso: 'ISO', dmy: 'day first', mdy: 'month first' };

function PreviewView({
  preview,
  choices,
  setChoice,
}: {
  preview: ImportPreview;
  choices: Record<string, string>;
  setChoice: (key: string, value: string) => void;
}) {
  const { plan, file } = preview;
  const counts = plan.counts;
  // The entity counts follow the analyst's choices in the tables below.
  const entityCounts = { ...counts.entities };
  let changed = false;
  for (const row of plan.entities) {
    const chosen = choices[row.key];
    if (chosen === undefined || chosen === choiceOf(row)) continue;
    entityCounts[row.action] -= 1;
    entityCounts[decisionOf(chosen).action] += 1;
    changed = true;
  }
  const byAction = (action: EntityPlan['action']) => plan.entities.filter((row) => row.action === action);
  const linkSkips = plan.links.filter((link) => link.action === 'skip');
  return (
    <div className="ix-preview" data-testid="import-preview">
      <p className="ix-file">
        <strong>{file.name}</strong> · {file.formatLabel} · {formatBytes(file.bytes)}
      </p>
      {plan.alreadyImported && (
        <Callout intent="warning" compact role="note">
          This file was imported before (as “{plan.alreadyImported.title}”, {new Date(plan.alreadyImported.importedAt).toLocaleString()}).
        </Callout>
      )}
      <dl className="ix-counts" data-testid="import-counts">
        <div>
          <dt className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL}`}>Entities</dt>
          <dd data-testid="count-entities">
            {entityCounts.create.toLocaleString()} new · {entityCounts.merge.toLocaleString()} merged · {entityCounts.skip.toLocaleString()} skipped
            {changed ? ' (with your choices)' : ''}
          </dd>
        </div>
        <div>
          <dt className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL}`}>Links</dt>
          <dd data-testid="count-links">
            {counts.links.create.toLocaleString()} new · {counts.links.merge.toLocaleString()} merged · {counts.links.skip.toLocaleString()} skipped
          </dd>
        </div>
        <div>
          <dt className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL}`}>Evidence</dt>
          <dd data-testid="count-evidence">
            {plural(counts.sources, 'source')} · {plural(counts.citations, 'citation')} · {plural(counts.notes, 'note')}
          </dd>
        </div>
        {counts.skippedInFile > 0 && (
          <div>
            <dt className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL}`}>Not importable</dt>
            <dd data-testid="count-not-importable">{plural(counts.skippedInFile, 'part', 'parts')} of the file (listed below)</dd>
          </div>
        )}
      </dl>
      {preview.table && <TableReadingView table={preview.table} />}
      {!plan.undo.undoable && plan.undo.reason !== null && (
        <Callout intent="warning" compact role="note" data-testid="import-not-undoable">
          {plan.undo.reason}
        </Callout>
      )}
      <CutList cuts={plan.cut} testId="import-cuts" />
      <EntityTable title="To merge" rows={byAction('merge')} testId="entities-merge" choices={choices} setChoice={setChoice} />
      <EntityTable
        title="New, but like entities in the case"
        rows={byAction('create').filter((row) => row.candidates.length > 0)}
        testId="entities-candidates"
        choices={choices}
        setChoice={setChoice}
      />
      <EntityTable title="To skip" rows={byAction('skip')} testId="entities-skip" choices={choices} setChoice={setChoice} />
      <EntityTable
        title="To create"
        rows={byAction('create').filter((row) => row.candidates.length === 0)}
        testId="entities-create"
        choices={choices}
        setChoice={setChoice}
      />
      {preview.truncated.entities && <p className={Classes.TEXT_MUTED}>Only the first new entities are listed; all of them will be imported.</p>}
      {linkSkips.length > 0 && (
        <section className="ix-section">
          <h3>Links not imported ({linkSkips.length.toLocaleString()})</h3>
          <ul className={LIST}>
            {linkSkips.slice(0, ROW_LIMIT).map((link) => (
              <li key={link.key}>
                {link.sourceLabel} → {link.targetLabel} ({link.type}): {link.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(plan.warnings.length > 0 || plan.skipped.length > 0) && (
        <section className="ix-section" data-testid="import-warnings">
          <h3>Warnings ({(plan.warnings.length + plan.skipped.length).toLocaleString()})</h3>
          <ul className={LIST}>
            {plan.warnings.slice(0, ROW_LIMIT).map((warning, i) => (
              <li key={`w${i}`}>{warning}</li>
            ))}
            {plan.skipped.slice(0, ROW_LIMIT).map((item, i) => (
              <li key={`s${i}`}>
                Not imported: {item.what}: {item.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** Values cut to fit, each with its item (an 8 MB name kept as its first 1,000 characters). */
function CutList({ cuts, testId }: { cuts: readonly CutValue[]; testId: string }) {
  if (cuts.length === 0) return null;
  return (
    <section className="ix-section" data-testid={testId}>
      <h3>Cut to fit ({cuts.length.toLocaleString()})</h3>
      <ul className={LIST}>
        {cuts.slice(0, ROW_LIMIT).map((cut, i) => (
          <li key={i}>{describeCut(cut)}</li>
        ))}
      </ul>
    </section>
  );
}

function ReportView({ report, fileName }: { report: ImportReport; fileName: string }) {
  return (
    <div className="ix-report" data-testid="import-report" role="status">
      <p>
        Imported <strong>{fileName}</strong>.
      </p>
      <ul className={LIST}>
        <li data-testid="report-created">
          Created {plural(report.created.entities, 'entity', 'entities')}, {plural(report.created.links, 'link')}, {plural(report.created.sources, 'source')},{' '}
          {plural(report.created.citations, 'citation')} and {plural(report.created.notes, 'note')}.
        </li>
        <li data-testid="report-merged">
          Merged {plural(report.merged.entities, 'entity', 'entities')} and {plural(report.merged.links, 'link')} into ones already in the case.
        </li>
        <li data-testid="report-skipped">
          Skipped {skippedTotal(report).toLocaleString()}: {plural(report.skipped.entities, 'entity', 'entities')}, {plural(report.skipped.links, 'link')},{' '}
          {plural(report.skipped.citations, 'citation')}, {plural(report.skipped.notes, 'note')} and {plural(report.skipped.inFile, 'part')} of the file that could not be
          imported.
        </li>
        <li data-testid="report-undo">{report.undoable ? 'Edit › Undo takes the whole import back.' : 'This import cannot be undone: it was too large for the undo history.'}</li>
      </ul>
      <CutList cuts={report.cut} testId="report-cuts" />
      {report.leftOut.length > 0 && (
        <section className="ix-section" data-testid="report-left-out">
          <h3>Left out of the file ({report.leftOut.length.toLocaleString()})</h3>
          <ul className={LIST}>
            {report.leftOut.slice(0, ROW_LIMIT).map((item, i) => (
              <li key={i}>
                {item.what}: {item.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.warnings.length > 0 && (
        <section className="ix-section">
          <h3>Warnings ({report.warnings.length.toLocaleString()})</h3>
          <ul className={LIST}>
            {report.warnings.slice(0, ROW_LIMIT).map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function ImportFlow({ close }: { close: () => void }) {
  const { api, tasks } = useApp();
  const [format, setFormat] = useState<FormatChoice>('auto');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [reliability, setReliability] = useState<Reliability | ''>('');
  const [mapping, setMapping] = useState<CsvMappingForm>(() => csvMappingPresets.last());
  const previewId = useRef<string | null>(null);
  const heading = useRef<HTMLParagraphElement>(null);
  /** The task reading a file now (its id is the one main stops on task.cancel). */
  const readingTask = useRef<string | null>(null);

  // Forget an uncommitted preview when the dialog closes, and stop a file still being read.
  useEffect(
    () => () => {
      if (previewId.current) void api['interchange.cancel']({ previewId: previewId.current });
      if (readingTask.current) tasks.cancel(readingTask.current);
    },
    [api, tasks],
  );

  const forget = () => {
    if (previewId.current) void api['interchange.cancel']({ previewId: previewId.current });
    previewId.current = null;
  };

  const read = async (path: string | undefined, asFormat: FormatChoice, csv: CsvMappingForm | null) => {
    setError(null);
    const previous = step;
    setStep({ kind: 'reading' });
    let stopped = false;
    const name = path !== undefined ? (path.split(/[\\/]/).pop() ?? path) : null;
    const result = await trackCall(
      tasks,
      { kind: 'import', label: name ? `Import: reading ${name}` : 'Import: reading the chosen file', cancel: (taskId) => {
          stopped = true;
          void api['task.cancel']({ taskId });
        } },
      (taskId) => {
        readingTask.current = taskId;
        return api['interchange.preview']({
          ...(path !== undefined ? { path } : {}),
          format: asFormat,
          ...(csv ? { csvMapping: toCsvMapping(csv) } : {}),
          taskId,
        });
      },
    );
    readingTask.current = null;
    if (!result.ok) {
      setStep(result.error.code === 'cancelled' ? previous : path !== undefined ? previous : { kind: 'choose' });
      if (stopped) setError(result.error.message);
      if (result.error.code !== 'cancelled') {
        const csvHint = asFormat === 'auto' && /csv|column/i.test(result.error.message) ? ' To say which column holds what, choose CSV as the format.' : '';
        setError(result.error.message + csvHint);
      }
      heading.current?.focus();
      return;
    }
    forget();
    previewId.current = result.value.previewId;
    if (csv) csvMappingPresets.remember(csv);
    setChoices({});
    setStep({ kind: 'preview', preview: result.value });
    heading.current?.focus();
  };

  // A file dropped on the window: main answers the file question with it, so ask at once.
  const importNow = useStore(interchangeStore, (s) => s.importNow === true);
  useEffect(() => {
    if (!importNow) return;
    // After this render (read updates this component's state); once, however often the effect runs.
    const timer = setTimeout(() => {
      interchangeStore.setState({ importNow: false });
      void read(undefined, 'auto', null);
    }, 0);
    return () => clearTimeout(timer);
    // read is recreated each render; the drop asks once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [importNow]);

  const commit = async (preview: ImportPreview) => {
    setError(null);
    setStep({ kind: 'importing', preview });
    const decisions: Record<string, EntityDecision> = {};
    for (const row of preview.plan.entities) {
      const chosen = choices[row.key];
      if (chosen !== undefined && chosen !== choiceOf(row)) decisions[row.key] = decisionOf(chosen);
    }
    // One transaction, all or nothing: shown in the task list, not cancellable once writing.
    const result = await trackCall(tasks, { kind: 'import', label: `Import: writing ${preview.file.name}` }, () =>
      api['interchange.import']({
        previewId: preview.previewId,
        ...(Object.keys(decisions).length > 0 ? { decisions } : {}),
        ...(reliability !== '' ? { fileReliability: reliability } : {}),
      }),
    );
    if (!result.ok) {
      setStep({ kind: 'preview', preview });
      if (result.error.code !== 'cancelled') setError(result.error.message);
      heading.current?.focus();
      return;
    }
    previewId.current = null;
    setStep({ kind: 'done', report: result.value, fileName: preview.file.name });
    heading.current?.focus();
    // main announces what the import created and updated (case.edited): the chart adds just that.
  };

  const preview = step.kind === 'preview' || step.kind === 'importing' ? step.preview : null;
  const busy = step.kind === 'reading' || step.kind === 'importing';

  return (
    <div className="ix-body" data-importing={step.kind === 'importing'}>
      {/* Focus lands here after each step (the buttons it came from are disabled while busy). */}
      <p ref={heading} tabIndex={-1} className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL} ix-focus-anchor`}>
        {step.kind === 'done' ? 'The import is done.' : preview ? `Preview of ${preview.file.name}: nothing is written until you choose Import.` : 'Choose a file to preview.'}
      </p>
      {step.kind !== 'done' && (
        <div className="ix-row">
          <label className={`${Classes.LABEL} ${Classes.INLINE} ix-field`}>
            <span>Format</span>
            <HTMLSelect
              aria-label="Format"
              value={format}
              disabled={busy}
              onChange={(e) => {
                const next = e.target.value as FormatChoice;
                setFormat(next);
                if (preview) void read(preview.file.path, next, next === 'csv' || next === 'xlsx' || (next === 'auto' && (preview.file.format === 'csv' || preview.file.format === 'xlsx')) ? mapping : null);
              }}
            >
              {(Object.keys(FORMAT_LABELS) as FormatChoice[]).map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </HTMLSelect>
          </label>
          <button type="button" className={BUTTON.plain} disabled={busy} onClick={() => void read(undefined, format, format === 'csv' || format === 'xlsx' ? mapping : null)} data-testid="import-choose-file">
            {preview ? 'Choose another file…' : 'Choose file…'}
          </button>
        </div>
      )}
      {step.kind === 'choose' && !error && (
        <p className={Classes.TEXT_MUTED}>
          Choose a STIX 2.1 bundle, GraphML, GEXF, CSV, MISP galaxy, Maltego or i2 ANX file. You will see what it would create, merge and skip before anything is written.
        </p>
      )}
      {step.kind === 'reading' && (
        <p role="status" className="ix-row">
          <Spinner size={16} tagName="span" aria-hidden="true" /> Reading the file…{' '}
          <button type="button" className={BUTTON.small} data-testid="import-stop-reading" onClick={() => readingTask.current && tasks.cancel(readingTask.current)}>
            Stop reading
          </button>
        </p>
      )}
      {error !== null && (
        <Callout intent="danger" compact role="alert" data-testid="import-error" style={{ whiteSpace: 'pre-wrap' }}>
          {error}
        </Callout>
      )}
      {step.kind !== 'done' && (format === 'csv' || format === 'xlsx' || preview?.file.format === 'csv' || preview?.file.format === 'xlsx') && (
        <CsvMappingStep
          form={mapping}
          onChange={setMapping}
          disabled={busy}
          applyLabel={preview ? 'Preview again with these columns' : 'Choose file with these columns…'}
          onApply={() => void read(preview?.file.path, preview?.file.format === 'xlsx' || format === 'xlsx' ? 'xlsx' : 'csv', mapping)}
        />
      )}
      {preview && (
        <PreviewView preview={preview} choices={choices} setChoice={(key, value) => setChoices((current) => ({ ...current, [key]: value }))} />
      )}
      {step.kind === 'done' && <ReportView report={step.report} fileName={step.fileName} />}
      <div className={Classes.DIALOG_FOOTER_ACTIONS}>
        {preview && (
          <label className={`${Classes.LABEL} ${Classes.INLINE} ix-field ix-reliability`}>
            <span>Reliability of this file</span>
            <HTMLSelect aria-label="Reliability of this file" value={reliability} disabled={busy} onChange={(e) => setReliability(e.target.value as Reliability | '')}>
              <option value="">Not graded</option>
              {RELIABILITY_GRADES.map((grade) => (
                <option key={grade} value={grade}>
                  {grade}
                </option>
              ))}
            </HTMLSelect>
          </label>
        )}
        <button type="button" className={BUTTON.plain} onClick={close} disabled={step.kind === 'importing'}>
          {step.kind === 'done' ? 'Close' : 'Cancel'}
        </button>
        {preview && (
          <button type="button" className={BUTTON.primary} disabled={busy} onClick={() => void commit(preview)} data-testid="import-commit">
            {step.kind === 'importing' ? 'Importing…' : 'Import'}
          </button>
        )}
      </div>
    </div>
  );
}

/** File › Import: choose a file, map CSV columns, preview what would change, choose merges, import, report. */
export function ImportDialog() {
  const open = useStore(interchangeStore, (s) => s.open === 'import');
  const close = () => interchangeStore.setState({ open: null });

  return (
    <DialogShell
      open={open}
      title="Import into case"
      titleId="import-dialog-title"
      className="ix-dialog"
      testId="import-dialog"
      onClose={close}
      // Not while an import is committing: it finishes (all or nothing) and then reports.
      busy={(element) => element.querySelector('[data-importing="true"]') !== null}
    >
      {open && <ImportFlow close={close} />}
    </DialogShell>
  );
}
