import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { createUiStore } from '../store';
import { bindSelectionSync } from './selectionSync';

const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('selection order', () => {
  it('keeps the order the analyst selected in, not the order the chart drew the elements in', async () => {
    const cy = cytoscape({
      headless: true,
      elements: [{ data: { id: 'first-drawn' } }, { data: { id: 'second-drawn' } }, { data: { id: 'third-drawn' } }],
    });
    const store = createUiStore();
    const unbind = bindSelectionSync(cy, store);

    cy.getElementById('second-drawn').select();
    await settle();
    cy.getElementById('first-drawn').select();
    await settle();
    expect(store.getState().selection.map((s) => s.id)).toEqual(['second-drawn', 'first-drawn']);

    // Dropping one keeps the rest in order; a new one goes last.
    cy.getElementById('second-drawn').unselect();
    await settle();
    cy.getElementById('third-drawn').select();
    cy.getElementById('second-drawn').select();
    await settle();
    expect(store.getState().selection.map((s) => s.id)).toEqual(['first-drawn', 'third-drawn', 'second-drawn']);
    unbind();
    cy.destroy();
  });
});
