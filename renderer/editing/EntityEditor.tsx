import { Checkbox, Classes, HTMLSelect, HTMLTable } from '@blueprintjs/core';
import { useState, type FormEvent } from 'react';
import { isPartialDate, type AttributeValue, type Entity, type Link, type PartialDate } from '../../app/domain';
import type { EntityChanges, LinkChanges } from '../../app/editing/schemas';
import { blankToNull, colorIssues, labelIssues, LIMITS, normaliseColor, periodIssues } from '../../app/editing/validate';
import { ENTITY_TYPES, entityTypeDefinition } from '../../app/entityTypes';
import { LINK_TYPES, linkTypeDefinition } from '../../app/linkTypes';
import { LINK_STRENGTHS, type LinkStrength } from '../../app/domain';
import type { LinkStrengthDetail } from '../../app/editing/types';
import type { Result } from '../../app/result';
import { useApp } from '../appContext';
import { runCommand } from '../commands';
import { useStore, type SelectedElement } from '../store';
import { EditableText, serverMessage } from './fields';
import { LocationEditor } from './LocationEditor';
import { FieldError } from './Modal';
import { BUTTON } from '../ui/buttons';
import { FORM, inputClass } from './formClasses';

const DATE_PLACEHOLDER = '2017, 2017-03 or 2017-03-02';

/** "Year", "Month", "Day": the precision a partial date is given with. */
export function datePrecisionLabel(draft: string): string {
  const value = draft.trim();
  if (value === '') return 'No date';
  if (!isPartialDate(value)) return '';
  return value.length === 4 ? 'Precision: year' : value.length === 7 ? 'Precision: month' : 'Precision: day';
}

function periodMessage(start: PartialDate | null, end: PartialDate | null): string | null {
  return periodIssues(start, end)[0]?.message ?? null;
}

function useEntityUpdate(id: string) {
  const { api, editing } = useApp();
  return (changes: EntityChanges): Promise<Result<unknown>> => editing.call(api['entity.update']({ id, changes }));
}

/** The inspector's editing form for one entity: every field saves itself, each save one undo step. */
export function EntityEditor({ entity }: { entity: Entity }) {
  const update = useEntityUpdate(entity.id);
  const { commands } = useApp();
  const [typeError, setTypeError] = useState<string | null>(null);
  const [colorError, setColorError] = useState<string | null>(null);
  const known = ENTITY_TYPES.some((t) => t.id === entity.type);
  const typeColour = entityTypeDefinition(entity.type).color;
  return (
    <section className="inspector-section" aria-label="Edit entity" data-testid="entity-editor">
      <EditableText label="Label" field="label" value={entity.label} validate={(d) => labelIssues(d)[0]?.message ?? null} commit={(label) => update({ label })} />
      <div className={FORM.group}>
        <label htmlFor={`type-${entity.id}`} className={FORM.label}>
          Type
        </label>
        <HTMLSelect fill
          id={`type-${entity.id}`}
          value={entity.type}
          onChange={(e) => {
            void update({ type: e.target.value }).then((r) => setTypeError(r.ok ? null : serverMessage(r.error, 'type')));
          }}
        >
          {!known && <option value={entity.type}>{entity.type}</option>}
          {ENTITY_TYPES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </HTMLSelect>
        <FieldError id={`type-${entity.id}-error`} message={typeError} />
      </div>
      <div className={FORM.group}>
        <label htmlFor={`color-${entity.id}`} className={FORM.label}>
          Colour
        </label>
        <span className={FORM.row}>
          <input
            id={`color-${entity.id}`}
            type="color"
            value={entity.color ?? typeColour}
            onChange={(e) => {
              const color = normaliseColor(e.target.value);
              const issue = colorIssues(color)[0]?.message ?? null;
              setColorError(issue);
              if (issue === null) void update({ color }).then((r) => setColorError(r.ok ? null : serverMessage(r.error, 'color')));
            }}
          />
          {entity.color !== null && (
            <button type="button" className={BUTTON.small} onClick={() => void update({ color: null })}>
              Use the type’s colour
            </button>
          )}
        </span>
        <FieldError id={`color-${entity.id}-error`} message={colorError} />
      </div>
      <EditableText
        label="Start"
        field="startDate"
        value={entity.startDate ?? ''}
        placeholder={DATE_PLACEHOLDER}
        hint={datePrecisionLabel}
        validate={(d) => periodMessage(blankToNull(d), entity.endDate)}
        commit={(d) => update({ startDate: blankToNull(d) })}
      />
      <EditableText
        label="End"
        field="endDate"
        value={entity.endDate ?? ''}
        placeholder={DATE_PLACEHOLDER}
        hint={datePrecisionLabel}
        validate={(d) => periodMessage(entity.startDate, blankToNull(d))}
        commit={(d) => update({ endDate: blankToNull(d) })}
      />
      <EditableText
        label="Description"
        field="description"
        multiline
        value={entity.description ?? ''}
        validate={(d) => (d.length > LIMITS.description ? `A description can be at most ${LIMITS.description} characters.` : null)}
        commit={(d) => update({ description: blankToNull(d) })}
      />
      <LocationEditor entity={entity} />
      <AliasEditor entity={entity} />
      <AttributeEditor attributes={entity.attributes} commit={(attributes) => update({ attributes })} />
      <div className="edit-actions">
        <button type="button" className={BUTTON.danger} onClick={() => void runCommand('selection.delete', commands)}>
          Delete entity…
        </button>
      </div>
    </section>
  );
}

function AliasEditor({ entity }: { entity: Entity }) {
  const { api, editing } = useApp();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const alias = draft.trim();
    if (alias === '') {
      setError('Type the other name first.');
      return;
    }
    if (alias.length > LIMITS.alias) {
      setError(`An alias can be at most ${LIMITS.alias.toLocaleString('en-GB')} characters.`);
      return;
    }
    const result = await editing.call(api['entity.addAlias']({ id: entity.id, alias }));
    if (result.ok) {
      setDraft('');
      setError(null);
    } else setError(serverMessage(result.error, 'alias'));
  };
  return (
    <div className={FORM.group}>
      <span className={FORM.label}>Aliases</span>
      <ul className="alias-editor" aria-label="Aliases">
        {entity.aliases.map((alias) => (
          <li key={alias} className={`${Classes.TAG} ${Classes.MINIMAL}`}>
            <span className={Classes.FILL}>{alias}</span>
            <button
              type="button"
              className={Classes.TAG_REMOVE}
              aria-label={`Remove alias ${alias}`}
              title="Remove this alias"
              onClick={() => void editing.call(api['entity.removeAlias']({ id: entity.id, alias }))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className={FORM.row} onSubmit={(e) => void add(e)}>
        <input dir="auto" className={inputClass()} aria-label="New alias" placeholder="Another name" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className={BUTTON.small}>
          Add alias
        </button>
      </form>
      <FieldError id={`alias-${entity.id}-error`} message={error} />
    </div>
  );
}

/** Key/value attributes: values that read as numbers or yes/no are stored as such. */
export function AttributeEditor({
  attributes,
  commit,
}: {
  attributes: Record<string, AttributeValue>;
  commit: (attributes: Record<string, AttributeValue>) => Promise<Result<unknown>>;
}) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (next: Record<string, AttributeValue>) => {
    const result = await commit(next);
    setError(result.ok ? null : serverMessage(result.error, 'attributes'));
    return result.ok;
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const name = key.trim();
    if (name === '') {
      setError('An attribute needs a name.');
      return;
    }
    if (await save({ ...attributes, [name]: parseAttributeValue(value) })) {
      setKey('');
      setValue('');
    }
  };
  return (
    <div className={FORM.group}>
      <span className={FORM.label}>Attributes</span>
      {Object.keys(attributes).length > 0 && (
        <HTMLTable compact className="attributes" aria-label="Attributes">
          <tbody>
            {Object.entries(attributes).map(([name, v]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)}</td>
                <td>
                  <button
                    type="button"
                    className={BUTTON.minimalSmall}
                    aria-label={`Remove attribute ${name}`}
                    onClick={() => {
                      const next = { ...attributes };
                      delete next[name];
                      void save(next);
                    }}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
      <form className={FORM.row} onSubmit={(e) => void add(e)}>
        <input dir="auto" className={inputClass()} aria-label="Attribute name" placeholder="Name" value={key} onChange={(e) => setKey(e.target.value)} />
        <input dir="auto" className={inputClass()} aria-label="Attribute value" placeholder="Value" value={value} onChange={(e) => setValue(e.target.value)} />
        <button type="submit" className={BUTTON.small}>
          Set
        </button>
      </form>
      <FieldError id="attribute-error" message={error} />
    </div>
  );
}

export function parseAttributeValue(raw: string): AttributeValue {
  const text = raw.trim();
  if (text === 'yes' || text === 'true') return true;
  if (text === 'no' || text === 'false') return false;
  if (text !== '' && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return raw;
}

/** The inspector's editing form for one link. */
export function LinkEditor({ link, strength }: { link: Link; strength: LinkStrengthDetail }) {
  const { api, editing, commands } = useApp();
  const [error, setError] = useState<string | null>(null);
  const update = (changes: LinkChanges): Promise<Result<unknown>> =>
    editing.call(api['link.update']({ id: link.id, changes })).then((r) => {
      if (!r.ok) setError(serverMessage(r.error, Object.keys(changes)[0] ?? ''));
      else setError(null);
      return r;
    });
  const known = LINK_TYPES.some((t) => t.id === link.type);
  return (
    <section className="inspector-section" aria-label="Edit link" data-testid="link-editor">
      <div className={FORM.group}>
        <label htmlFor={`ltype-${link.id}`} className={FORM.label}>
          Type
        </label>
        <HTMLSelect fill id={`ltype-${link.id}`} value={link.type} onChange={(e) => void update({ type: e.target.value, directed: linkTypeDefinition(e.target.value).directed })}>
          {!known && <option value={link.type}>{link.type}</option>}
          {LINK_TYPES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </HTMLSelect>
      </div>
      <div className={FORM.group}>
        <span className={FORM.label}>Direction</span>
        <span>
          <Checkbox inline checked={link.directed} onChange={(e) => void update({ directed: e.currentTarget.checked })} label="Directed" />
          <button type="button" className={BUTTON.small} onClick={() => void update({ sourceId: link.targetId, targetId: link.sourceId })}>
            Swap ends
          </button>
        </span>
      </div>
      <div className={FORM.group}>
        <label htmlFor={`strength-${link.id}`} className={FORM.label}>
          Strength
        </label>
        <HTMLSelect fill
          id={`strength-${link.id}`}
          value={strength.override ?? 'derived'}
          onChange={(e) => void update({ strength: e.target.value === 'derived' ? null : (e.target.value as LinkStrength) })}
        >
          <option value="derived">From the evidence ({strength.derived})</option>
          {LINK_STRENGTHS.map((s) => (
            <option key={s} value={s}>
              {s} (set by hand)
            </option>
          ))}
        </HTMLSelect>
        <span className={FORM.hint}>Drawn {strength.effective === 'confirmed' ? 'solid' : strength.effective === 'unconfirmed' ? 'dashed' : 'dotted'}</span>
      </div>
      <EditableText label="Label" field="label" value={link.label ?? ''} placeholder={linkTypeDefinition(link.type).label} commit={(d) => update({ label: blankToNull(d) })} />
      <EditableText
        label="Start"
        field="startDate"
        value={link.startDate ?? ''}
        placeholder={DATE_PLACEHOLDER}
        hint={datePrecisionLabel}
        validate={(d) => periodMessage(blankToNull(d), link.endDate)}
        commit={(d) => update({ startDate: blankToNull(d) })}
      />
      <EditableText
        label="End"
        field="endDate"
        value={link.endDate ?? ''}
        placeholder={DATE_PLACEHOLDER}
        hint={datePrecisionLabel}
        validate={(d) => periodMessage(link.startDate, blankToNull(d))}
        commit={(d) => update({ endDate: blankToNull(d) })}
      />
      <EditableText label="Description" field="description" multiline value={link.description ?? ''} commit={(d) => update({ description: blankToNull(d) })} />
      <AttributeEditor attributes={link.attributes} commit={(attributes) => update({ attributes })} />
      <FieldError id={`link-${link.id}-error`} message={error} />
      <div className="edit-actions">
        <button type="button" className={BUTTON.danger} onClick={() => void runCommand('selection.delete', commands)}>
          Delete link…
        </button>
      </div>
    </section>
  );
}

/** Several entities selected: change their type or colour in one step. */
export function BulkEditor({ selection }: { selection: readonly SelectedElement[] }) {
  const { api, editing, store, commands } = useApp();
  const chart = useStore(store, (s) => s.chart);
  const ids = selection.filter((s) => s.kind === 'entity').map((s) => s.id);
  const [type, setType] = useState('');
  const [colour, setColour] = useState('#888888');
  if (ids.length < 2 || !chart) return null;
  const apply = async (changes: { type?: string; color?: string | null }) => {
    const result = await editing.call(api['entity.bulkUpdate']({ ids, ...changes }));
    if (result.ok) editing.toast(`Changed ${result.value.updated} entities.`);
  };
  return (
    <section className="inspector-section" aria-label="Change the selected entities" data-testid="bulk-editor">
      <h3>Change all {ids.length} entities</h3>
      <div className={FORM.group}>
        <label htmlFor="bulk-type" className={FORM.label}>
          Type
        </label>
        <span className={FORM.row}>
          <HTMLSelect fill id="bulk-type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">Choose a type…</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </HTMLSelect>
          <button type="button" className={BUTTON.small} disabled={type === ''} onClick={() => void apply({ type })}>
            Set type
          </button>
        </span>
      </div>
      <div className={FORM.group}>
        <label htmlFor="bulk-colour" className={FORM.label}>
          Colour
        </label>
        <span className={FORM.row}>
          <input id="bulk-colour" type="color" value={colour} onChange={(e) => setColour(e.target.value)} />
          <button type="button" className={BUTTON.small} onClick={() => void apply({ color: colour.toLowerCase() })}>
            Set colour
          </button>
          <button type="button" className={BUTTON.small} onClick={() => void apply({ color: null })}>
            Type colours
          </button>
        </span>
      </div>
      <div className="edit-actions">
        {ids.length === 2 && (
          <>
            <button type="button" className={BUTTON.plain} onClick={() => void runCommand('link.new', commands)}>
              Link…
            </button>
            <button type="button" className={BUTTON.plain} onClick={() => void runCommand('entity.merge', commands)}>
              Merge…
            </button>
          </>
        )}
        <button type="button" className={BUTTON.danger} onClick={() => void runCommand('selection.delete', commands)}>
          Delete {ids.length} entities…
        </button>
      </div>
    </section>
  );
}
