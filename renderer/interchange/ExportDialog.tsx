import { Callout, Classes, Spinner } from '@blueprintjs/core';
import { DialogShell } from '../panels/DialogShell';
import { useEffect, useRef, useState } from 'react';
import { EXPORT_CHOICES, type ExportChoice } from '../../app/interchange/exportChoices';
import type { ExportResult } from '../../app/contract';
import { useApp } from '../appContext';
import { useStore } from '../store';
import { interchangeStore } from './interchangeState';
import './interchange.css';
import { trackCall } from '../tasks/trackCall';
import { BUTTON } from '../ui/buttons';
import { Check } from '../ui/Check';

/** A list that scrolls past a few lines. */
const LIST = `ix-list ${Classes.LIST} ${Classes.TEXT_SMALL}`;

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'done'; result: ExportResult } | { kind: 'failed'; message: string };

function ExportFlow({ initialChoice, startNow, close }: { initialChoice: string | null; startNow: boolean; close: () => void }) {
  const { api, tasks } = useApp();
  const [choiceId, setChoiceId] = useState(initialChoice ?? EXPORT_CHOICES[0]?.id ?? 'stix');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const started = useRef(false);
  // Buttons are disabled while saving, which drops focus out of the dialog: put it back after.
  const closeButton = useRef<HTMLButtonElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  const choice: ExportChoice | undefined = EXPORT_CHOICES.find((c) => c.id === choiceId);

  const run = async (chosen: ExportChoice) => {
    setStatus({ kind: 'saving' });
    const result = await trackCall(tasks, { kind: 'case-export', label: `Export case: ${chosen.label}` }, () =>
      api['interchange.export']({
        format: chosen.format,
        ...(chosen.stixRelationships ? { stixRelationships: chosen.stixRelationships } : {}),
        ...(chosen.csvBom ? { csvBom: true } : {}),
      }),
    );
    if (result.ok) setStatus({ kind: 'done', result: result.value });
    else if (result.error.code === 'cancelled') setStatus({ kind: 'idle' });
    else setStatus({ kind: 'failed', message: result.error.message });
    setRefocus(result.ok ? 'close' : 'export');
  };
  const [refocus, setRefocus] = useState<'close' | 'export' | null>(null);
  useEffect(() => {
    if (refocus === null) return;
    (refocus === 'close' ? closeButton : exportButton).current?.focus();
    setRefocus(null);
  }, [refocus]);

  useEffect(() => {
    // File › Export › <format>: straight to the save dialog.
    if (startNow && choice && !started.current) {
      started.current = true;
      void run(choice);
    }
  });

  return (
    <form
      method="dialog"
      className="ix-body"
      onSubmit={(event) => {
        event.preventDefault();
        if (choice && status.kind !== 'saving') void run(choice);
      }}
    >
      <fieldset className="ix-formats" disabled={status.kind === 'saving'}>
        <legend>Format</legend>
        {EXPORT_CHOICES.map((c, i) => (
          <Check
            key={c.id}
            type="radio"
            inline={false}
            name="export-format"
            value={c.id}
            checked={c.id === choiceId}
            // The chosen format takes focus when the dialog opens.
            autoFocus={c.id === choiceId || (i === 0 && choice === undefined)}
            onChange={() => {
              setChoiceId(c.id);
              setStatus({ kind: 'idle' });
            }}
          >
            <span>
              <strong>{c.label}</strong>
              <span className={Classes.TEXT_MUTED}> — {c.description}</span>
            </span>
          </Check>
        ))}
      </fieldset>
      {status.kind === 'saving' && (
        <p role="status" className="ix-row">
          <Spinner size={16} tagName="span" aria-hidden="true" /> Exporting…
        </p>
      )}
      {status.kind === 'done' && (
        <div role="status" className="ix-done" data-testid="export-done">
          <p>
            Exported {status.result.entities.toLocaleString()} entities and {status.result.links.toLocaleString()} links to:
          </p>
          <ul className={LIST}>
            {status.result.paths.map((path) => (
              <li key={path} className={Classes.MONOSPACE_TEXT} style={{ wordBreak: 'break-all' }}>
                {path}
              </li>
            ))}
          </ul>
        </div>
      )}
      {status.kind === 'failed' && (
        <Callout intent="danger" compact role="alert" data-testid="export-error" style={{ whiteSpace: 'pre-wrap' }}>
          {status.message}
        </Callout>
      )}
      <div className={Classes.DIALOG_FOOTER_ACTIONS}>
        <button ref={closeButton} type="button" className={BUTTON.plain} onClick={close} disabled={status.kind === 'saving'}>
          {status.kind === 'done' ? 'Close' : 'Cancel'}
        </button>
        <button ref={exportButton} type="submit" className={BUTTON.primary} disabled={status.kind === 'saving' || !choice} data-testid="export-start">
          Export…
        </button>
      </div>
    </form>
  );
}

/** File › Export: pick a format, choose where in the save dialog, see where it went. */
export function ExportDialog() {
  const open = useStore(interchangeStore, (s) => s.open === 'export');
  const exportChoice = useStore(interchangeStore, (s) => s.exportChoice);
  const exportNow = useStore(interchangeStore, (s) => s.exportNow);
  const close = () => interchangeStore.setState({ open: null, exportChoice: null, exportNow: false });

  return (
    <DialogShell open={open} title="Export case" titleId="export-case-dialog-title" className="ix-dialog ix-dialog-narrow" testId="export-case-dialog" onClose={close}>
      {open && <ExportFlow initialChoice={exportChoice} startNow={exportNow} close={close} />}
    </DialogShell>
  );
}
