import { Classes, HTMLSelect } from '@blueprintjs/core';
import { useState } from 'react';
import { bannerFor, TLP_DESCRIPTIONS, TLP_LABELS, type MarkingChoice, type TlpLabel } from '../../app/export/marking';
import { useApp } from '../appContext';
import { FORM, inputClass } from '../editing/formClasses';
import { FieldError, Modal } from '../editing/Modal';
import { useStore } from '../store';
import { BUTTON } from '../ui/buttons';

/**
 * The open case's handling marking, in a banner at the top and at the bottom of the window, as
 * classified systems show it: free text black on white, or a TLP 2.0 label in FIRST's colour on
 * black. Colours come from a class per label (the CSP allows no inline style).
 */
export function MarkingBanner({ edge }: { edge: 'top' | 'bottom' }) {
  const { store } = useApp();
  const marking = useStore(store, (s) => (s.caseStatus === 'open' ? (s.caseInfo?.marking ?? null) : null));
  if (!marking) return null;
  const banner = bannerFor(marking);
  if (!banner) return null;
  const tone = marking.kind === 'tlp' ? `tlp-${marking.label.toLowerCase().replace('+', '-')}` : 'text';
  return (
    <div className={`marking-banner marking-${tone} marking-${edge}`} role="note" aria-label={`Handling marking (${edge})`} data-testid={`marking-${edge}`}>
      {banner.text}
    </div>
  );
}

type Kind = MarkingChoice['kind'];

/** File › Handling marking…: none, free text or a TLP 2.0 label; saved in the case. */
export function MarkingDialog() {
  const { store } = useApp();
  const open = useStore(store, (s) => s.markingOpen);
  const current = useStore(store, (s) => s.caseInfo?.marking ?? null);
  if (!open || !current) return null;
  return <MarkingForm current={current} onClose={() => store.setState({ markingOpen: false })} />;
}

function MarkingForm({ current, onClose }: { current: MarkingChoice; onClose: () => void }) {
  const { store, api, session } = useApp();
  const [kind, setKind] = useState<Kind>(current.kind);
  const [text, setText] = useState(current.kind === 'text' ? current.text : '');
  const [label, setLabel] = useState<TlpLabel>(current.kind === 'tlp' ? current.label : 'AMBER');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    if (kind === 'text' && text.trim() === '') {
      setProblem('Type the marking, or choose “None”.');
      return;
    }
    const marking: MarkingChoice = kind === 'text' ? { kind, text: text.trim() } : kind === 'tlp' ? { kind, label } : { kind: 'none' };
    const result = await api['case.setMarking']({ marking });
    if (!result.ok) {
      session.showError(result.error);
      return;
    }
    store.setState({ caseInfo: result.value });
    onClose();
  };
  return (
    <Modal title="Handling marking" testId="marking-dialog" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className={Classes.TEXT_MUTED}>Shown at the top and bottom of the window while the case is open, and offered in image exports.</p>
        <div className={FORM.group}>
          <label className={FORM.label} htmlFor="marking-kind">
            Marking
          </label>
          <HTMLSelect id="marking-kind" fill value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
            <option value="none">None</option>
            <option value="text">Classification or caveat (text)</option>
            <option value="tlp">Traffic Light Protocol 2.0</option>
          </HTMLSelect>
        </div>
        {kind === 'text' && (
          <div className={FORM.group}>
            <label className={FORM.label} htmlFor="marking-text">
              Text
            </label>
            <input
              id="marking-text"
              dir="auto"
              className={inputClass(problem !== null)}
              value={text}
              maxLength={300}
              placeholder="e.g. OFFICIAL-SENSITIVE"
              aria-invalid={problem !== null}
              aria-describedby="marking-problem"
              onChange={(event) => {
                setText(event.target.value);
                setProblem(null);
              }}
            />
          </div>
        )}
        {kind === 'tlp' && (
          <div className={FORM.group}>
            <label className={FORM.label} htmlFor="marking-tlp">
              TLP label
            </label>
            <HTMLSelect id="marking-tlp" fill value={label} onChange={(event) => setLabel(event.target.value as TlpLabel)}>
              {TLP_LABELS.map((tlp) => (
                <option key={tlp} value={tlp}>
                  TLP:{tlp}
                </option>
              ))}
            </HTMLSelect>
            <span className={FORM.hint}>{TLP_DESCRIPTIONS[label]}</span>
          </div>
        )}
        <FieldError id="marking-problem" message={problem} />
        <div className="dialog-buttons">
          <button type="submit" className={BUTTON.primary}>
            Save marking
          </button>
          <button type="button" className={BUTTON.plain} onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
