import { Classes, HTMLTable } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import type { AboutInfo } from '../../app/contract';
import { MENU_BAR_LABELS } from '../../app/menuModel';
import { useApp } from '../appContext';
import { COMMANDS } from '../commands';
import { inputClass } from '../editing/formClasses';
import { FieldError, Modal } from '../editing/Modal';
import { formatShortcut } from '../shortcuts';
import { useStore } from '../store';
import { BUTTON } from '../ui/buttons';
import { Facts } from '../ui/Facts';

/** Keys that are not registry commands: gestures of the chart and of text fields. */
const OTHER_KEYS: readonly { keys: string; what: string }[] = [
  { keys: 'Arrow keys (chart)', what: 'Select the next entity that way, linked ones first' },
  { keys: 'Shift+Arrow keys (chart)', what: 'Add the next entity that way to the selection' },
  { keys: 'Shift+click, or drag a box', what: 'Add to the selection on the chart' },
  { keys: 'Escape (in a field)', what: 'Put back the saved value; press again to leave the field' },
  { keys: 'Enter (in a field)', what: 'Save the field' },
];

/** Help › Keyboard shortcuts: every command of the registry, searchable, as the menus show it. */
function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const [filter, setFilter] = useState('');
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const rows = COMMANDS.map((command) => ({
    id: command.id,
    label: command.label,
    shortcut: command.shortcut !== undefined ? formatShortcut(command.shortcut) : '',
    where: [MENU_BAR_LABELS[command.menu.bar], command.menu.submenu].filter(Boolean).join(' › '),
  })).filter((row) => words.every((w) => `${row.label} ${row.shortcut} ${row.where}`.toLowerCase().includes(w)));
  return (
    <Modal title="Keyboard shortcuts" testId="shortcuts-dialog" onClose={onClose} wide>
      <input
        type="search"
        dir="auto"
        className={inputClass()}
        aria-label="Filter shortcuts"
        placeholder="Filter by command, key or menu…"
        value={filter}
        autoFocus
        onChange={(event) => setFilter(event.target.value)}
      />
      <HTMLTable compact striped className="help-table">
        <thead>
          <tr>
            <th scope="col">Command</th>
            <th scope="col">Keys</th>
            <th scope="col">Menu</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-command={row.id}>
              <td>{row.label}</td>
              <td>{row.shortcut !== '' ? <kbd>{row.shortcut}</kbd> : <span className={Classes.TEXT_MUTED}>—</span>}</td>
              <td>{row.where}</td>
            </tr>
          ))}
          {words.length === 0 &&
            OTHER_KEYS.map((row) => (
              <tr key={row.keys}>
                <td>{row.what}</td>
                <td>
                  <kbd>{row.keys}</kbd>
                </td>
                <td className={Classes.TEXT_MUTED}>—</td>
              </tr>
            ))}
        </tbody>
      </HTMLTable>
      {rows.length === 0 && <p className={Classes.TEXT_MUTED}>No command matches “{filter}”.</p>}
      <div className="dialog-buttons">
        <button type="button" className={BUTTON.plain} onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

/** Help › About: the versions of every part, for a bug report. */
function AboutDialog({ onClose }: { onClose: () => void }) {
  const { api } = useApp();
  const [about, setAbout] = useState<AboutInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void api['app.about']().then((result) => {
      if (!current) return;
      if (result.ok) setAbout(result.value);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [api]);
  // The page's own engine, where main is not Electron (the test harness).
  const chromium = about?.chromium ?? /Chrom(?:e|ium)\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? null;
  return (
    <Modal title="About Analyst Workbench" testId="about-dialog" onClose={onClose}>
      <p>Offline link analysis for case files (.awcase). Nothing it does reaches the network.</p>
      <FieldError id="about-error" message={error} />
      {about !== null && (
        <Facts
          className="help-table"
          label="Versions"
          rows={[
            ['Analyst Workbench', about.app],
            ['Electron', about.electron ?? 'not running in Electron'],
            ['Chromium', chromium ?? 'unknown'],
            ['Node', about.node],
            ['SQLite', about.sqlite],
            ['Case format', about.caseFormat],
          ]}
        />
      )}
      <div className="dialog-buttons">
        <button type="button" className={BUTTON.plain} onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

export function HelpDialogs() {
  const { store } = useApp();
  const open = useStore(store, (s) => s.helpDialog);
  const close = () => store.setState({ helpDialog: null });
  if (open === 'shortcuts') return <ShortcutsDialog onClose={close} />;
  if (open === 'about') return <AboutDialog onClose={close} />;
  return null;
}
