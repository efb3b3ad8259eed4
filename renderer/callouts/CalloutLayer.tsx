import { Classes } from '@blueprintjs/core';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import type { Core } from 'cytoscape';
import { mdiClose } from '@mdi/js';
import type { Annotation } from '../../app/domain';
import { annotationTextIssues } from '../../app/editing/validate';
import { useApp } from '../appContext';
import { Icon } from '../Icon';
import { useStore } from '../store';
import { movedBy, NUDGE_PX, placeFor, type Point } from './calloutGeometry';
import { createCalloutPlacement, type CalloutPlacement, type PlacedCallout } from './calloutPlacement';
import { calloutStore, DRAFT_ID, resetCallouts } from './calloutState';
import './callouts.css';

const NO_CALLOUTS: readonly Annotation[] = [];

/** Screen pixels a pointer must travel before a press on a note becomes a drag (a click or double-click stays one). */
const DRAG_THRESHOLD_PX = 3;

/** What a note shows: a stored callout, or the draft (id DRAFT_ID, no text yet). */
interface ShownCallout extends PlacedCallout {
  text: string;
}

/**
 * The chart's text callouts, as notes over the Cytoscape canvas. The layer lets every pointer event
 * through to the chart except on the notes themselves, so panning and box selection work around
 * them. Every change is one call on the existing channels (annotation.create/update/delete): one
 * undoable step, after which the chart refetch brings the callouts as the file holds them.
 */
export function CalloutLayer() {
  const { store, commands } = useApp();
  const annotations = useStore(store, (s) => s.chart?.annotations ?? NO_CALLOUTS);
  const draft = useStore(calloutStore, (s) => s.draft);
  const [placement] = useState(createCalloutPlacement);
  const leaders = useRef<SVGSVGElement>(null);

  // Bound to the chart's Cytoscape instance, and bound again should the chart be mounted anew.
  useEffect(() => {
    let bound: Core | null = null;
    let unbind: (() => void) | null = null;
    const bind = () => {
      const cy = commands.chart()?.cy ?? null;
      if (cy === bound || !leaders.current) return;
      unbind?.();
      unbind = null;
      bound = cy;
      if (cy) unbind = placement.attach(cy, leaders.current);
    };
    bind();
    const stop = store.subscribe(bind);
    return () => {
      stop();
      unbind?.();
    };
  }, [store, commands, placement]);

  // A callout being written belongs to the case it was started in.
  useEffect(() => {
    let path = store.getState().caseInfo?.path ?? null;
    const stop = store.subscribe(() => {
      const now = store.getState().caseInfo?.path ?? null;
      if (now === path) return;
      path = now;
      resetCallouts();
    });
    return () => {
      stop();
      resetCallouts();
    };
  }, [store]);

  const draftSaved = draft?.savedId != null && annotations.some((a) => a.id === draft.savedId);
  const shownDraft = draft && !draftSaved ? draft : null;

  // Before any note's effects run (a new note focuses its text box once it is placed).
  useLayoutEffect(() => {
    const list: PlacedCallout[] = annotations.map(({ id, entityId, x, y }) => ({ id, entityId, x, y }));
    if (shownDraft) list.push({ id: DRAFT_ID, entityId: shownDraft.entityId, x: shownDraft.x, y: shownDraft.y });
    placement.setCallouts(list);
  }, [placement, annotations, shownDraft]);

  // The saved draft is now a stored callout.
  useEffect(() => {
    if (draftSaved) calloutStore.setState({ draft: null });
  }, [draftSaved]);

  return (
    <div className="callout-layer" data-testid="callout-layer">
      {annotations.map((callout) => (
        <CalloutNote key={callout.id} callout={callout} placement={placement} />
      ))}
      {shownDraft && (
        <CalloutNote
          key={`${DRAFT_ID}-${shownDraft.serial}`}
          callout={{ id: DRAFT_ID, entityId: shownDraft.entityId, x: shownDraft.x, y: shownDraft.y, text: '' }}
          placement={placement}
        />
      )}
      {/* The leader lines, over the whole layer, in the notes' border colour (the lines inherit it).
          In the flow after the notes, so each note (positioned) starts at the layer's corner and is drawn over them. */}
      <svg className="callout-leaders" ref={leaders} aria-hidden="true" width="100%" height="100%" stroke="#d4a72c" strokeWidth={1.5} />
    </div>
  );
}

interface Drag {
  pointerId: number;
  startX: number;
  startY: number;
  corner: Point;
  moved: boolean;
}

function CalloutNote({ callout, placement }: { callout: ShownCallout; placement: CalloutPlacement }) {
  const { api, store, editing, commands } = useApp();
  const { id } = callout;
  const isDraft = id === DRAFT_ID;
  const isEditing = useStore(calloutStore, (s) => s.editingId === id);
  const wantsFocus = useStore(calloutStore, (s) => s.focusId === id);
  const entityLabel = useStore(store, (s) => (callout.entityId === null ? null : (s.chart?.entities.find((e) => e.id === callout.entityId)?.label ?? null)));
  const chartId = useStore(store, (s) => s.chart?.chartId);
  const box = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);

  // The text just saved, shown until the refetched chart brings it (so the old text does not flash back).
  const [pendingText, setPendingText] = useState<string | null>(null);
  const [seenText, setSeenText] = useState(callout.text);
  if (seenText !== callout.text) {
    setSeenText(callout.text);
    setPendingText(null);
  }
  const text = pendingText ?? callout.text;

  const register = useCallback(
    (element: HTMLDivElement | null) => {
      box.current = element;
      placement.register(id, element);
      return () => {
        box.current = null;
        placement.register(id, null);
      };
    },
    [placement, id],
  );

  // A note's size changes with its text and its editing state: its leader line follows.
  useEffect(() => placement.schedule(), [placement, text, isEditing]);

  useEffect(() => {
    if (!wantsFocus || isEditing) return;
    // Placed first: a note is hidden until placed, and a hidden element cannot take the focus.
    placement.placeNow();
    box.current?.focus({ preventScroll: true });
    calloutStore.setState({ focusId: null });
  }, [placement, wantsFocus, isEditing]);

  const focusChart = () => commands.chart()?.cy?.container()?.focus({ preventScroll: true });

  const startEditing = () => calloutStore.setState({ editingId: id });

  const stopEditing = (how: 'keys' | 'blur') =>
    calloutStore.setState((s) => ({ editingId: s.editingId === id ? null : s.editingId, focusId: how === 'keys' ? id : s.focusId }));

  const cancelEditing = () => {
    if (!isDraft) {
      stopEditing('keys');
      return;
    }
    calloutStore.setState({ draft: null, editingId: null });
    focusChart();
  };

  /** Saves the text written; returns the sentence to show when it cannot be saved (the editor stays open). */
  const saveText = async (written: string, how: 'keys' | 'blur'): Promise<string | null> => {
    const issue = annotationTextIssues(written)[0]?.message ?? null;
    if (isDraft) {
      // Nothing written: nothing to create.
      if (written.trim().length === 0) {
        calloutStore.setState({ draft: null, editingId: null });
        if (how === 'keys') focusChart();
        return null;
      }
      if (issue) return issue;
      // Another callout may be started while this one is saved: only this draft becomes the saved callout.
      const mine = calloutStore.getState().draft;
      const result = await editing.call(
        api['annotation.create']({ ...(chartId ? { chartId } : {}), entityId: callout.entityId, x: callout.x, y: callout.y, text: written }),
      );
      if (!result.ok) return result.error.message;
      const savedId = result.value.id;
      calloutStore.setState((s) =>
        s.draft === mine && mine !== null
          ? { draft: { ...mine, savedId }, editingId: s.editingId === DRAFT_ID ? null : s.editingId, focusId: how === 'keys' ? savedId : s.focusId }
          : {},
      );
      return null;
    }
    if (written === text) {
      stopEditing(how);
      return null;
    }
    if (written.trim().length === 0) {
      if (how === 'keys') return 'A callout needs some text. Press Escape to keep the text it had, or delete the callout with its × button.';
      // Leaving an emptied callout keeps it as it was, and says so.
      stopEditing(how);
      editing.toast('A callout needs some text: it keeps the text it had.');
      return null;
    }
    if (issue) return issue;
    const result = await editing.call(api['annotation.update']({ id, changes: { text: written } }));
    if (!result.ok) return result.error.message;
    setPendingText(written);
    stopEditing(how);
    return null;
  };

  const remove = async () => {
    if (isDraft) {
      calloutStore.setState({ draft: null, editingId: null });
      focusChart();
      return;
    }
    const result = await editing.call(api['annotation.delete']({ id }));
    if (!result.ok) return;
    focusChart();
    editing.toast('Callout deleted (Ctrl+Z brings it back)');
  };

  /** Saves a new place for the note (its corner at a model point); it stays there meanwhile. */
  const moveTo = async (corner: Point) => {
    const place = placeFor(callout.entityId, corner, placement.entityAt);
    if (!place) {
      placement.override(id, null);
      return;
    }
    placement.override(id, corner, place);
    const result = await editing.call(api['annotation.update']({ id, changes: { x: place.x, y: place.y } }));
    if (result.ok) placement.settle(id);
    else placement.override(id, null);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || isEditing || isDraft) return;
    if (event.target instanceof Element && event.target.closest('button, textarea')) return;
    const corner = placement.cornerOf(id);
    if (!corner) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus({ preventScroll: true });
    drag.current = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, corner, moved: false };
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    const dx = event.clientX - d.startX;
    const dy = event.clientY - d.startY;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    d.moved = true;
    placement.override(id, movedBy(d.corner, dx, dy, placement.viewport().zoom));
  };

  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    drag.current = null;
    if (!d.moved) return;
    if (event.type === 'pointercancel') {
      placement.override(id, null);
      return;
    }
    void moveTo(movedBy(d.corner, event.clientX - d.startX, event.clientY - d.startY, placement.viewport().zoom));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed in the text box are text.
    if (event.target !== event.currentTarget || isEditing) return;
    const step = (event.shiftKey ? 10 : 1) * NUDGE_PX;
    const arrows: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const arrow = arrows[event.key];
    if (event.key === 'Enter' || event.key === 'F2') startEditing();
    else if (event.key === 'Delete' || event.key === 'Backspace') void remove();
    else if (arrow && !isDraft && !event.ctrlKey && !event.altKey && !event.metaKey) {
      const corner = placement.cornerOf(id);
      if (corner) void moveTo(movedBy(corner, arrow[0], arrow[1], placement.viewport().zoom));
    } else return;
    // Handled here: not a chart shortcut as well (Delete would delete the selected entities).
    event.preventDefault();
    event.stopPropagation();
  };

  // The wheel zooms the chart over a note too.
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    if (isEditing) return;
    commands.chart()?.cy?.container()?.dispatchEvent(new globalThis.WheelEvent('wheel', event.nativeEvent));
  };

  const tiedTo = entityLabel === null ? '' : ` on ${entityLabel}`;
  return (
    <div
      ref={register}
      className={`${Classes.ELEVATION_1} callout`}
      data-testid="callout"
      data-callout-id={isDraft ? undefined : id}
      data-editing={isEditing ? 'true' : 'false'}
      role="group"
      aria-roledescription="callout"
      aria-label={isDraft ? `New callout${tiedTo}` : `Callout${tiedTo}: ${text}`}
      title={isEditing ? undefined : 'Double-click or Enter to edit, drag or arrow keys to move, Delete to delete'}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => {
        if (!isEditing) startEditing();
      }}
      onKeyDown={onKeyDown}
      onWheel={onWheel}
      onContextMenu={(event) => event.preventDefault()}
    >
      {isEditing ? (
        <CalloutEditor initial={text} placement={placement} onSave={saveText} onCancel={cancelEditing} />
      ) : (
        <>
          <p className="callout-text">{text}</p>
          <button
            type="button"
            className={`${Classes.BUTTON} ${Classes.SMALL} ${Classes.ROUND} callout-delete`}
            aria-label="Delete callout"
            title="Delete callout"
            onClick={() => void remove()}
          >
            <Icon path={mdiClose} size={12} />
          </button>
        </>
      )}
    </div>
  );
}

interface EditorProps {
  initial: string;
  placement: CalloutPlacement;
  onSave: (text: string, how: 'keys' | 'blur') => Promise<string | null>;
  onCancel: () => void;
}

/** The text box of a callout being written: Ctrl+Enter or leaving it saves, Escape cancels. */
function CalloutEditor({ initial, placement, onSave, onCancel }: EditorProps) {
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const problemId = useId();
  // Set once the edit is saved or cancelled: leaving the box afterwards saves nothing again.
  const done = useRef(false);

  useEffect(() => {
    // Placed first: a note is hidden until placed, and a hidden box cannot take the focus.
    placement.placeNow();
    const element = input.current;
    element?.focus({ preventScroll: true });
    element?.setSelectionRange(element.value.length, element.value.length);
  }, [placement]);

  const save = async (how: 'keys' | 'blur') => {
    if (done.current) return;
    done.current = true;
    const outcome = await onSave(text, how);
    if (outcome === null) return;
    done.current = false;
    setProblem(outcome);
  };

  return (
    <div className="callout-editor">
      <textarea dir="auto"
        ref={input}
        aria-label="Callout text"
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? problemId : undefined}
        rows={3}
        value={text}
        placeholder="Callout text"
        onChange={(event) => {
          setText(event.target.value);
          setProblem(null);
        }}
        onBlur={() => void save('blur')}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save('keys');
          else if (event.key === 'Escape') {
            done.current = true;
            onCancel();
          } else return;
          event.preventDefault();
          event.stopPropagation();
        }}
      />
      {problem !== null && (
        <p className="field-error callout-problem" id={problemId} role="alert">
          {problem}
        </p>
      )}
      <p className={`${Classes.TEXT_SMALL} callout-hint`}>Ctrl+Enter to save, Escape to cancel</p>
    </div>
  );
}
