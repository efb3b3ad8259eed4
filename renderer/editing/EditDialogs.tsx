import { Button, CardList, Checkbox, Classes, HTMLSelect, RadioCard } from '@blueprintjs/core';
import { CaretDownIcon } from '@blueprintjs/icons';
import { useMemo, useState, type FormEvent } from 'react';
import { labelIssues } from '../../app/editing/validate';
import { entityTypeDefinition } from '../../app/entityTypes';
import { LINK_TYPES, linkTypeDefinition } from '../../app/linkTypes';
import type { Entity } from '../../app/domain';
import type { WorkbenchError } from '../../app/result';
import { useApp } from '../appContext';
import { useStore } from '../store';
import type { EditingDialog } from './editingState';
import { EntityTypeMenu, TypeBadge } from './EntityTypeMenu';
import { FieldError, Modal } from './Modal';
import { BUTTON } from '../ui/buttons';
import { FORM, inputClass } from './formClasses';

/** The message main gave for one field (or the whole error when it names no field). */
export function issueFor(error: WorkbenchError | null, field: string): string | null {
  if (!error) return null;
  const issue = error.issues?.find((i) => i.path[0] === field);
  if (issue) return issue.message;
  return null;
}

/** The dialog the editing store asks for, if any. */
export function EditDialogs() {
  const { editing } = useApp();
  const dialog = useStore(editing.store, (s) => s.dialog);
  if (dialog === null) return null;
  switch (dialog.kind) {
    case 'createEntity':
      return <CreateEntityDialog key={`${dialog.at.x},${dialog.at.y}`} dialog={dialog} />;
    case 'deleteEntities':
    case 'deleteLinks':
      return <DeleteDialog dialog={dialog} />;
    case 'createLink':
      return <CreateLinkDialog dialog={dialog} />;
    case 'merge':
      return <MergeDialog dialog={dialog} />;
  }
}

function useEntities(): Map<string, Entity> {
  const { store } = useApp();
  const chart = useStore(store, (s) => s.chart);
  return useMemo(() => new Map((chart?.entities ?? []).map((e) => [e.id, e])), [chart]);
}

/**
 * The entity type of a new entity: a button naming the type that opens the menu of the types
 * (radio items, the current one checked). Escape closes the menu and leaves the dialog open. The
 * menu stays inside the modal <dialog> (no portal): the browser makes everything outside it inert.
 */
export function TypePicker({ value, onPick }: { value: string; onPick: (type: string) => void }) {
  return (
    <div className={FORM.group}>
      <span id="entity-type-label" className={FORM.label}>
        Type
      </span>
      <div>
        <EntityTypeMenu menu={{ 'aria-labelledby': 'entity-type-label' }} picked={value} onPick={onPick} popover={{ usePortal: false }}>
          <Button
            aria-labelledby="entity-type-label entity-type-value"
            icon={<TypeBadge type={value} />}
            endIcon={<CaretDownIcon />}
            data-testid="entity-type-picker"
          >
            <span id="entity-type-value">{entityTypeDefinition(value).label}</span>
          </Button>
        </EntityTypeMenu>
      </div>
    </div>
  );
}

function CreateEntityDialog({ dialog }: { dialog: Extract<EditingDialog, { kind: 'createEntity' }> }) {
  const { editing, store } = useApp();
  const [type, setType] = useState(dialog.type ?? 'person');
  const [label, setLabel] = useState('');
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<WorkbenchError | null>(null);
  const [saving, setSaving] = useState(false);
  const inline = touched ? (labelIssues(label)[0]?.message ?? null) : null;
  const labelError = inline ?? issueFor(serverError, 'label');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (labelIssues(label).length > 0) return;
    const chartId = store.getState().chart?.chartId;
    setSaving(true);
    const result = await editing.createEntity({
      type,
      label,
      ...(chartId ? { position: { chartId, x: dialog.at.x, y: dialog.at.y } } : {}),
    });
    setSaving(false);
    if (result.ok) editing.closeDialog();
    else setServerError(result.error);
  };

  return (
    <Modal title="New entity" testId="create-entity-dialog" onClose={editing.closeDialog} wide>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label className={FORM.label}>
          Label
          <input dir="auto"
            autoFocus
            className={inputClass(labelError !== null)}
            value={label}
            aria-invalid={labelError !== null}
            aria-describedby="new-entity-label-error"
            onChange={(e) => {
              setLabel(e.target.value);
              setServerError(null);
            }}
            onBlur={() => setTouched(true)}
          />
        </label>
        <FieldError id="new-entity-label-error" message={labelError} />
        <TypePicker value={type} onPick={setType} />
        <FieldError id="new-entity-error" message={serverError && !issueFor(serverError, 'label') ? serverError.message : null} />
        <div className="dialog-buttons">
          <button type="button" className={BUTTON.plain} onClick={editing.closeDialog}>
            Cancel
          </button>
          <button type="submit" className={BUTTON.primary} disabled={saving}>
            Create {entityTypeDefinition(type).label.toLowerCase()}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function DeleteDialog({ dialog }: { dialog: Extract<EditingDialog, { kind: 'deleteEntities' | 'deleteLinks' }> }) {
  const { editing, api, store } = useApp();
  const [busy, setBusy] = useState(false);
  const { preview } = dialog;
  const confirm = async () => {
    setBusy(true);
    const result = await editing.call(
      dialog.kind === 'deleteEntities' ? api['entity.delete']({ ids: dialog.ids }) : api['link.delete']({ ids: dialog.ids }),
    );
    setBusy(false);
    if (!result.ok) return;
    store.setState({ selection: [] });
    editing.closeDialog();
    editing.toast(`Deleted. Ctrl+Z brings it back.`);
  };
  const what = dialog.kind === 'deleteEntities' ? preview.entities : preview.links;
  return (
    <Modal title={dialog.kind === 'deleteEntities' ? 'Delete entities' : 'Delete links'} testId="delete-dialog" onClose={editing.closeDialog}>
      <p className="dialog-summary">{preview.summary}</p>
      {what.length > 1 && (
        <ul className={`${Classes.LIST} dialog-list`} style={{ listStyle: 'disc' }}>
          {what.slice(0, 12).map((item) => (
            <li key={item.id}>{item.label}</li>
          ))}
          {what.length > 12 && <li className={Classes.TEXT_MUTED}>and {what.length - 12} more</li>}
        </ul>
      )}
      <p className={Classes.TEXT_MUTED}>You can undo this with Ctrl+Z.</p>
      <div className="dialog-buttons">
        <button type="button" className={BUTTON.plain} onClick={editing.closeDialog} autoFocus>
          Cancel
        </button>
        <button type="button" className={BUTTON.danger} disabled={busy} onClick={() => void confirm()}>
          Delete
        </button>
      </div>
    </Modal>
  );
}

function CreateLinkDialog({ dialog }: { dialog: Extract<EditingDialog, { kind: 'createLink' }> }) {
  const { editing, api } = useApp();
  const entities = useEntities();
  const [type, setType] = useState('related_to');
  const [directed, setDirected] = useState(linkTypeDefinition('related_to').directed);
  const [swapped, setSwapped] = useState(false);
  const [error, setError] = useState<WorkbenchError | null>(null);
  const sourceId = swapped ? dialog.targetId : dialog.sourceId;
  const targetId = swapped ? dialog.sourceId : dialog.targetId;
  const name = (id: string) => entities.get(id)?.label ?? 'Unknown entity';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await editing.call(api['link.create']({ type, sourceId, targetId, directed }));
    if (!result.ok) {
      setError(result.error);
      return;
    }
    editing.closeDialog();
    editing.selectWhenShown({ kind: 'link', id: result.value.id });
  };

  return (
    <Modal title="New link" testId="create-link-dialog" onClose={editing.closeDialog}>
      <form onSubmit={(e) => void submit(e)}>
        <p className={`${Classes.CALLOUT} link-preview`} data-testid="link-preview">
          <strong>{name(sourceId)}</strong> <span className={Classes.TEXT_MUTED}>{linkTypeDefinition(type).label}</span>{' '}
          {directed ? '→' : '—'} <strong>{name(targetId)}</strong>
        </p>
        <label className={FORM.label}>
          Type
          <HTMLSelect
            fill
            autoFocus
            value={type}
            onChange={(e) => {
              setType(e.target.value);
              setDirected(linkTypeDefinition(e.target.value).directed);
            }}
          >
            {LINK_TYPES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </HTMLSelect>
        </label>
        <Checkbox checked={directed} onChange={(e) => setDirected(e.currentTarget.checked)} label="Directed (drawn with an arrow)" />
        <button type="button" className={BUTTON.plain} onClick={() => setSwapped((s) => !s)}>
          Swap direction
        </button>
        <FieldError id="new-link-error" message={error?.message} />
        <div className="dialog-buttons">
          <button type="button" className={BUTTON.plain} onClick={editing.closeDialog}>
            Cancel
          </button>
          <button type="submit" className={BUTTON.primary}>
            Create link
          </button>
        </div>
      </form>
    </Modal>
  );
}

function MergeDialog({ dialog }: { dialog: Extract<EditingDialog, { kind: 'merge' }> }) {
  const { editing, api, store } = useApp();
  const entities = useEntities();
  const chart = useStore(store, (s) => s.chart);
  const [survivorId, setSurvivorId] = useState(dialog.ids[0]);
  const absorbedId = survivorId === dialog.ids[0] ? dialog.ids[1] : dialog.ids[0];
  const survivor = entities.get(survivorId);
  const absorbed = entities.get(absorbedId);
  const links = (id: string) => chart?.links.filter((l) => l.sourceId === id || l.targetId === id).length ?? 0;
  const evidence = (id: string) => chart?.evidence[id]?.citations ?? 0;
  const notes = (id: string) => chart?.noteCounts[id] ?? 0;

  const merge = async () => {
    const result = await editing.call(api['entity.merge']({ survivorId, absorbedId }));
    if (!result.ok) return;
    editing.closeDialog();
    editing.toast(`Merged “${result.value.record.absorbed.label}” into “${result.value.entity.label}”. Ctrl+Z undoes it.`);
    editing.selectWhenShown({ kind: 'entity', id: survivorId });
  };
  if (!survivor || !absorbed) return null;
  const aliases = [...new Set([...survivor.aliases, absorbed.label, ...absorbed.aliases])].filter((a) => a !== survivor.label);
  return (
    <Modal title="Merge entities" testId="merge-dialog" onClose={editing.closeDialog}>
      <p>Keep which one? The other becomes an alias of it, and everything it has moves over.</p>
      {/* Blueprint's radio cards: each whole card picks its entity. */}
      <CardList compact className={FORM.group} role="radiogroup" aria-label="Entity to keep">
        {dialog.ids.map((id) => {
          const e = entities.get(id);
          if (!e) return null;
          return (
            <RadioCard
              key={id}
              compact
              alignIndicator="start"
              checked={id === survivorId}
              onChange={() => setSurvivorId(id)}
              inputProps={{ name: 'merge-survivor' }}
            >
              <TypeBadge type={e.type} /> <strong>{e.label}</strong>{' '}
              <span className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL}`}>
                {links(id)} links · {evidence(id)} citations · {notes(id)} notes
              </span>
            </RadioCard>
          );
        })}
      </CardList>
      <ul className={`${Classes.CALLOUT} ${Classes.INTENT_PRIMARY} ${Classes.LIST_UNSTYLED}`} data-testid="merge-result">
        <li>
          Kept: <strong>{survivor.label}</strong> ({entityTypeDefinition(survivor.type).label})
        </li>
        <li>Aliases after the merge: {aliases.length > 0 ? aliases.join(', ') : 'none'}</li>
        <li>
          {links(absorbedId)} links, {evidence(absorbedId)} citations and {notes(absorbedId)} notes move from “{absorbed.label}”.
        </li>
      </ul>
      <div className="dialog-buttons">
        <button type="button" className={BUTTON.plain} onClick={editing.closeDialog}>
          Cancel
        </button>
        <button type="button" className={BUTTON.primary} onClick={() => void merge()}>
          Merge into “{survivor.label}”
        </button>
      </div>
    </Modal>
  );
}
