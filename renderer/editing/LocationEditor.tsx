import { Classes, HTMLSelect } from '@blueprintjs/core';
import { useId, useState, type FormEvent } from 'react';
import { LOCATION_PRECISIONS, type Entity, type LocationPrecision } from '../../app/domain';
import { coordinateIssues } from '../../app/editing/validate';
import { useApp } from '../appContext';
import { useEntityDetail } from '../data/caseHooks';
import { useStore } from '../store';
import { serverMessage } from './fields';
import { FieldError } from './Modal';
import { FORM, inputClass } from './formClasses';

type Mode = 'none' | 'coordinates' | 'place';

interface Draft {
  mode: Mode;
  latitude: string;
  longitude: string;
  placeId: string;
  precision: LocationPrecision;
  citationId: string;
}

const PRECISION_LABELS: Record<LocationPrecision, string> = { point: 'Exact point', city: 'Town or city', region: 'Region', country: 'Country' };

/** Degrees as typed: a decimal number, with a comma accepted for the decimal point. */
function parseDegrees(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' || !/^[-+]?\d+(\.\d+)?$/.test(trimmed) ? Number.NaN : Number(trimmed);
}

/**
 * Where the entity is: its own latitude and longitude, or a place on the chart that has
 * coordinates, with the precision and the citation (one of the entity's own) that supports it.
 * Set location saves it as one undoable step (entity.setLocation); Remove takes it away.
 */
export function LocationEditor({ entity }: { entity: Entity }) {
  const { api, editing, store } = useApp();
  const id = useId();
  const chart = useStore(store, (s) => s.chart);
  const detail = useEntityDetail(entity.id);
  const citations = detail.state?.status === 'ready' ? detail.state.value.citations : [];
  const places = (chart?.entities ?? []).filter((e) => e.id !== entity.id && e.location !== null && e.location.latitude !== null);
  const current = entity.location;
  const initial: Draft = {
    mode: current === null ? 'none' : current.placeId !== null ? 'place' : 'coordinates',
    latitude: current?.latitude !== null && current?.latitude !== undefined ? String(current.latitude) : '',
    longitude: current?.longitude !== null && current?.longitude !== undefined ? String(current.longitude) : '',
    placeId: current?.placeId ?? places[0]?.id ?? '',
    precision: current?.precision ?? 'point',
    citationId: current?.citationId ?? '',
  };
  const stamp = JSON.stringify(current);
  const [base, setBase] = useState(stamp);
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  if (base !== stamp) {
    // Saved here or elsewhere (undo, another view): show what the case holds now.
    setBase(stamp);
    setDraft(initial);
    setError(null);
  }
  const latitude = parseDegrees(draft.latitude);
  const longitude = parseDegrees(draft.longitude);
  const inline = draft.mode === 'coordinates' && (draft.latitude !== '' || draft.longitude !== '') ? (coordinateIssues(latitude, longitude)[0]?.message ?? null) : null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (inline) return;
    const citationId = draft.citationId === '' ? null : draft.citationId;
    const location =
      draft.mode === 'none' ? null
      : draft.mode === 'place' ? { placeId: draft.placeId, precision: draft.precision, citationId }
      : { latitude, longitude, precision: draft.precision, citationId };
    if (draft.mode === 'place' && draft.placeId === '') {
      setError('Choose a place: only places on the chart that have coordinates can be chosen.');
      return;
    }
    const result = await editing.call(api['entity.setLocation']({ id: entity.id, location }));
    setError(result.ok ? null : serverMessage(result.error, 'latitude'));
  };
  const set = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));

  return (
    <form className={`${FORM.group} edit-location`} aria-label="Location" data-testid="location-editor" onSubmit={(e) => void save(e)}>
      <div className={FORM.group}>
        <label htmlFor={`${id}-mode`} className={FORM.label}>
          Location
        </label>
        <HTMLSelect fill id={`${id}-mode`} value={draft.mode} onChange={(e) => set({ mode: e.target.value as Mode })}>
          <option value="none">None</option>
          <option value="coordinates">Latitude and longitude</option>
          <option value="place">At a place</option>
        </HTMLSelect>
      </div>
      {draft.mode === 'coordinates' && (
        <>
          <DegreesField id={`${id}-lat`} label="Latitude" placeholder="16.27 (north +)" value={draft.latitude} onChange={(latitude) => set({ latitude })} />
          <DegreesField id={`${id}-lon`} label="Longitude" placeholder="-0.04 (east +)" value={draft.longitude} onChange={(longitude) => set({ longitude })} />
        </>
      )}
      {draft.mode === 'place' && (
        <div className={FORM.group}>
          <label htmlFor={`${id}-place`} className={FORM.label}>
            Place
          </label>
          <HTMLSelect fill id={`${id}-place`} value={draft.placeId} onChange={(e) => set({ placeId: e.target.value })}>
            {places.length === 0 && <option value="">No place on the chart has coordinates</option>}
            {places.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </HTMLSelect>
        </div>
      )}
      {draft.mode !== 'none' && (
        <>
          <div className={FORM.group}>
            <label htmlFor={`${id}-precision`} className={FORM.label}>
              Precision
            </label>
            <HTMLSelect fill id={`${id}-precision`} value={draft.precision} onChange={(e) => set({ precision: e.target.value as LocationPrecision })}>
              {LOCATION_PRECISIONS.map((p) => (
                <option key={p} value={p}>
                  {PRECISION_LABELS[p]}
                </option>
              ))}
            </HTMLSelect>
          </div>
          <div className={FORM.group}>
            <label htmlFor={`${id}-citation`} className={FORM.label}>
              Supported by
            </label>
            <HTMLSelect fill id={`${id}-citation`} value={draft.citationId} onChange={(e) => set({ citationId: e.target.value })}>
              <option value="">No citation yet</option>
              {citations.map((c) => (
                <option key={c.id} value={c.id}>
                  {`${c.source.title.slice(0, 30)}: “${c.quote.slice(0, 50)}${c.quote.length > 50 ? '…' : ''}” (${c.source.reliability}${c.credibility})`}
                </option>
              ))}
            </HTMLSelect>
          </div>
        </>
      )}
      <FieldError id={`${id}-error`} message={inline ?? error} />
      <div className="edit-actions">
        <button type="submit" className={Classes.BUTTON} disabled={inline !== null || (draft.mode === 'none' && current === null)}>
          {draft.mode === 'none' ? 'Remove location' : 'Set location'}
        </button>
      </div>
    </form>
  );
}

/** A latitude or a longitude in decimal degrees, typed left to right whatever the page's direction. */
function DegreesField({ id, label, placeholder, value, onChange }: { id: string; label: string; placeholder: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className={FORM.group}>
      <label htmlFor={id} className={FORM.label}>
        {label}
      </label>
      <input id={id} className={inputClass()} dir="ltr" inputMode="decimal" size={10} placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
