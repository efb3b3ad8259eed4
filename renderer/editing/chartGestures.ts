import type { Core, EventObject, NodeSingular } from 'cytoscape';
import type { UiStore } from '../store';
import type { EditingServices } from './editingServices';

/** Pixels between a node's edge and its link handle. */
const HANDLE_GAP = 4;

/**
 * The editing gestures on the chart: double-click the canvas to create an entity there, right-click
 * for a context menu, and drag from the handle beside the selected entity to another entity to
 * draw a link (i2's "link tool", without a mode to switch in and out of).
 */
export function bindEditingGestures(cy: Core, ui: UiStore, editing: EditingServices): () => void {
  const isEntity = (id: string) => ui.getState().chart?.entities.some((e) => e.id === id) === true;

  const onDoubleTap = (event: EventObject) => {
    if (event.target !== cy || ui.getState().caseStatus !== 'open') return;
    editing.openCreateEntity({ x: event.position.x, y: event.position.y });
  };

  const onContextTap = (event: EventObject) => {
    const original = event.originalEvent as MouseEvent | undefined;
    const pageX = original?.clientX ?? event.renderedPosition.x;
    const pageY = original?.clientY ?? event.renderedPosition.y;
    if (event.target === cy) {
      editing.store.setState({ contextMenu: { pageX, pageY, target: { kind: 'canvas', at: { x: event.position.x, y: event.position.y } } } });
      return;
    }
    const ele = event.target as NodeSingular;
    const id = ele.id();
    const kind = ele.isNode() ? 'entity' : 'link';
    if (kind === 'entity' && !isEntity(id)) return;
    if (!ele.selected()) ui.setState({ selection: [{ kind, id }] });
    editing.store.setState({ contextMenu: { pageX, pageY, target: { kind, id } } });
  };

  cy.on('dbltap', onDoubleTap);
  cy.on('cxttap', onContextTap);

  // The link handle: a small button beside the one selected entity.
  const stage = cy.container()?.parentElement ?? null;
  const handle = document.createElement('button');
  handle.type = 'button';
  handle.className = 'link-handle';
  handle.title = 'Drag to another entity to draw a link';
  handle.setAttribute('aria-label', 'Draw a link: drag to another entity');
  handle.dataset.testid = 'link-handle';
  handle.hidden = true;
  const svgNs = 'http://www.w3.org/2000/svg';
  const overlay = document.createElementNS(svgNs, 'svg');
  overlay.classList.add('link-draft');
  const line = document.createElementNS(svgNs, 'line');
  overlay.appendChild(line);
  overlay.style.display = 'none';
  stage?.appendChild(handle);
  stage?.appendChild(overlay);

  let handleNode: NodeSingular | null = null;
  const placeHandle = () => {
    const { selection } = ui.getState();
    const only = selection.length === 1 && selection[0]?.kind === 'entity' ? selection[0] : null;
    const node = only ? cy.getElementById(only.id) : null;
    if (!node || node.empty() || !node.visible()) {
      handle.hidden = true;
      handleNode = null;
      return;
    }
    handleNode = node;
    const box = handleNode.renderedBoundingBox({ includeLabels: false });
    const centre = handleNode.renderedPosition();
    handle.hidden = false;
    handle.style.left = `${box.x2 + HANDLE_GAP}px`;
    handle.style.top = `${centre.y - 9}px`;
  };
  const unsubscribe = ui.subscribe(placeHandle);
  cy.on('viewport position render', placeHandle);

  const nodeAt = (x: number, y: number): NodeSingular | null => {
    let found: NodeSingular | null = null;
    cy.nodes().forEach((node) => {
      if (found || !node.visible() || !isEntity(node.id())) return;
      const box = node.renderedBoundingBox({ includeLabels: false });
      if (x >= box.x1 && x <= box.x2 && y >= box.y1 && y <= box.y2) found = node;
    });
    return found;
  };

  const onPointerDown = (event: PointerEvent) => {
    const source = handleNode;
    if (!source || event.button !== 0 || !stage) return;
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    const stageBox = stage.getBoundingClientRect();
    const from = source.renderedPosition();
    line.setAttribute('x1', String(from.x));
    line.setAttribute('y1', String(from.y));
    line.setAttribute('x2', String(from.x));
    line.setAttribute('y2', String(from.y));
    overlay.style.display = '';
    const onMove = (move: PointerEvent) => {
      line.setAttribute('x2', String(move.clientX - stageBox.left));
      line.setAttribute('y2', String(move.clientY - stageBox.top));
      const over = nodeAt(move.clientX - stageBox.left, move.clientY - stageBox.top);
      cy.nodes('.link-target').removeClass('link-target');
      if (over && over.id() !== source.id()) over.addClass('link-target');
    };
    const onUp = (up: PointerEvent) => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
      overlay.style.display = 'none';
      cy.nodes('.link-target').removeClass('link-target');
      const target = up.type === 'pointerup' ? nodeAt(up.clientX - stageBox.left, up.clientY - stageBox.top) : null;
      if (target && target.id() !== source.id()) {
        editing.store.setState({ dialog: { kind: 'createLink', sourceId: source.id(), targetId: target.id() } });
      }
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  };
  handle.addEventListener('pointerdown', onPointerDown);

  return () => {
    cy.off('dbltap', onDoubleTap);
    cy.off('cxttap', onContextTap);
    cy.off('viewport position render', placeHandle);
    unsubscribe();
    handle.removeEventListener('pointerdown', onPointerDown);
    handle.remove();
    overlay.remove();
  };
}
