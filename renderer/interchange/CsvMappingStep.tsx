import { Callout, Classes, HTMLSelect } from '@blueprintjs/core';
import { useState } from 'react';
import { TABLE_LAYOUT_LABELS, TABLE_LAYOUTS, TEXT_ENCODINGS } from '../../app/interchange/csvMapping';
import { csvMappingPresets, mappingProblem, usesColumns, type CsvMappingForm } from './csvMappingForm';
import { BUTTON } from '../ui/buttons';

type TextKey = Exclude<keyof CsvMappingForm, 'layout' | 'encoding' | 'delimiter' | 'header' | 'dateOrder' | 'sheet'>;

/** Fields that an edge list or a matrix still reads: the entity and link types to give everything. */
const FIXED_ONLY: ReadonlySet<TextKey> = new Set(['fromFixedType', 'linkFixedType']);

const COLUMNS: readonly { key: TextKey; label: string; placeholder: string }[] = [
  { key: 'fromLabel', label: 'Source entity', placeholder: 'column, e.g. 1 or Name' },
  { key: 'fromType', label: 'Source type', placeholder: 'column (optional)' },
  { key: 'fromFixedType', label: 'Source type if no column', placeholder: 'e.g. person' },
  { key: 'linkType', label: 'Link type', placeholder: 'column (optional)' },
  { key: 'linkFixedType', label: 'Link type if no column', placeholder: 'e.g. associated-with' },
  { key: 'toLabel', label: 'Target entity', placeholder: 'column, e.g. 4' },
  { key: 'toType', label: 'Target type', placeholder: 'column (optional)' },
  { key: 'toFixedType', label: 'Target type if no column', placeholder: 'e.g. organisation' },
  { key: 'date', label: 'Date', placeholder: 'column (optional)' },
  { key: 'grade', label: 'Grade (e.g. B2)', placeholder: 'column (optional)' },
];

const DELIMITERS: readonly { value: CsvMappingForm['delimiter']; label: string }[] = [
  { value: 'auto', label: 'From the file' },
  { value: ',', label: 'Comma' },
  { value: ';', label: 'Semicolon' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Bar (|)' },
];

/** The CSV column-mapping step: which column holds what; applying it previews the file again. */
export function CsvMappingStep({
  form,
  onChange,
  onApply,
  applyLabel,
  disabled,
}: {
  applyLabel: string;
  form: CsvMappingForm;
  onChange: (form: CsvMappingForm) => void;
  onApply: () => void;
  disabled: boolean;
}) {
  const [presetName, setPresetName] = useState('');
  const [presets, setPresets] = useState(() => csvMappingPresets.names());
  const problem = mappingProblem(form);
  const update = (patch: Partial<CsvMappingForm>) => onChange({ ...form, ...patch });

  return (
    <fieldset className={`${Classes.CARD} ${Classes.COMPACT} ix-mapping`} data-testid="csv-mapping" disabled={disabled}>
      <legend>Columns</legend>
      <p className={Classes.TEXT_MUTED}>
        {usesColumns(form)
          ? 'Give each column by its number (1 is the first) or its header name. Each row is one link between two entities, or one entity when the target is empty.'
          : 'Every entity gets the source type, every link the link type.'}
      </p>
      <div className="ix-mapping-grid">
        <label className={`${Classes.LABEL} ${Classes.TEXT_SMALL} ix-field`}>
          <span>Layout</span>
          <HTMLSelect fill aria-label="Layout" value={form.layout} onChange={(e) => update({ layout: e.target.value as CsvMappingForm['layout'] })}>
            <option value="auto">From the file</option>
            {TABLE_LAYOUTS.map((layout) => (
              <option key={layout} value={layout}>
                {TABLE_LAYOUT_LABELS[layout]}
              </option>
            ))}
          </HTMLSelect>
        </label>
        <label className={`${Classes.LABEL} ${Classes.TEXT_SMALL} ix-field`}>
          <span>Encoding</span>
          <HTMLSelect fill aria-label="Encoding" value={form.encoding} onChange={(e) => update({ encoding: e.target.value as CsvMappingForm['encoding'] })}>
            <option value="auto">Detect</option>
            {TEXT_ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding}>
                {encoding}
              </option>
            ))}
          </HTMLSelect>
        </label>
        <label className={`${Classes.LABEL} ${Classes.TEXT_SMALL} ix-field`}>
          <span>Separator</span>
          <HTMLSelect fill aria-label="Separator" value={form.delimiter} onChange={(e) => update({ delimiter: e.target.value as CsvMappingForm['delimiter'] })}>
            {DELIMITERS.map((d) => (
              <option key={d.label} value={d.value}>
                {d.label}
              </option>
            ))}
          </HTMLSelect>
        </label>
        <label className={`${Classes.LABEL} ${Classes.TEXT_SMALL} ix-field`}>
          <span>First row</span>
          <HTMLSelect fill aria-label="First row" value={form.header} onChange={(e) => update({ header: e.target.value as CsvMappingForm['header'] })}>
            <option value="auto">From the file</option>
            <option value="yes">Is a header</option>
            <option value="no">Is data</option>
          </HTMLSelect>
        </label>
        <label className={`${Classes.LABEL} ${Classes.TEXT_SMALL} ix-field`}>
          <span>Day/month order</span>
          <HTMLSelect fill aria-label="Day and month order" value={form.dateOrder} onChange={(e) => update({ dateOrder: e.target.value as CsvMappingForm['dateOrder'] })}>
            <option value="auto">ISO; day/month only when the file shows which</option>
            <option value="iso">ISO only (2020-04-03)</option>
            <option value="dmy">Day first (03/04/2020 is 3 April)</option>
            <option value="mdy">Month first (03/04/2020 is 4 March)</option>
          </HTMLSelect>
        </label>
        <label className={`${Classes.LABEL} ${Classes.TEXT_SMALL} ix-field`}>
          <span>Sheet (Excel)</span>
          <input dir="auto" type="text" className={`${Classes.INPUT} ${Classes.FILL}`} aria-label="Sheet" value={form.sheet} placeholder="the first" maxLength={200} onChange={(e) => update({ sheet: e.target.value })} />
        </label>
        {COLUMNS.filter((c) => usesColumns(form) || FIXED_ONLY.has(c.key)).map((c) => (
          <label key={c.key} className={`${Classes.LABEL} ${Classes.TEXT_SMALL} ix-field`}>
            <span>{c.label}</span>
            <input dir="auto" type="text" className={`${Classes.INPUT} ${Classes.FILL}`} aria-label={c.label} value={form[c.key]} placeholder={c.placeholder} maxLength={200} onChange={(e) => update({ [c.key]: e.target.value })} />
          </label>
        ))}
      </div>
      {problem !== null && (
        <Callout intent="danger" compact>
          {problem}
        </Callout>
      )}
      <div className="ix-row">
        <button type="button" className={BUTTON.plain} disabled={problem !== null} onClick={onApply} data-testid="csv-apply">
          {applyLabel}
        </button>
        {presets.length > 0 && (
          <HTMLSelect
            aria-label="Saved mappings"
            value=""
            onChange={(e) => {
              const saved = csvMappingPresets.get(e.target.value);
              if (saved) onChange(saved);
            }}
          >
            <option value="">Use a saved mapping…</option>
            {presets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </HTMLSelect>
        )}
        <input dir="auto" type="text" className={Classes.INPUT} aria-label="Mapping name" placeholder="Name this mapping" value={presetName} maxLength={100} onChange={(e) => setPresetName(e.target.value)} />
        <button
          type="button"
          className={BUTTON.plain}
          disabled={presetName.trim() === ''}
          onClick={() => {
            csvMappingPresets.save(presetName.trim(), form);
            setPresets(csvMappingPresets.names());
            setPresetName('');
          }}
        >
          Save mapping
        </button>
      </div>
      <p className={Classes.TEXT_MUTED}>Saved mappings last until the app is closed.</p>
    </fieldset>
  );
}
