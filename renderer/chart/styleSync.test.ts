import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { createUiStore } from '../store';
import { bindStyleSync, type FadeScope } from './styleSync';

describe('emphasis of the selection', () => {
  it('marks the selected entity and its neighbours near, their links incident, the rest faded; and clears it all', () => {
    const cy = cytoscape({
      headless: true,
      elements: [
        { data: { id: 'a' } },
        { data: { id: 'b' } },
        { data: { id: 'c' } },
        { data: { id: 'ab', source: 'a', target: 'b' } },
        { data: { id: 'bc', source: 'b', target: 'c' } },
      ],
    });
    const store = createUiStore();
    const sync = bindStyleSync(cy, store);
    const classes = () => Object.fromEntries(cy.elements().map((e) => [e.id(), e.classes().sort().join(' ')]));

    store.setState({ selection: [{ kind: 'entity', id: 'a' }] });
    expect(classes()).toEqual({ a: 'near', b: 'near', c: 'faded', ab: 'incident', bc: 'faded' });
    store.setState({ selection: [] });
    expect(classes()).toEqual({ a: '', b: '', c: '', ab: '', bc: '' });
    sync.dispose();
    cy.destroy();
  });

  it('on a chart whose bulk the WebGL layer draws, fades nothing by class (the layer fades); around the view only, where Cytoscape draws alone; again when the scope changes', () => {
    const cy = cytoscape({
      headless: true,
      layout: { name: 'preset' },
      elements: [
        { data: { id: 'a' }, position: { x: 0, y: 0 } },
        { data: { id: 'b' }, position: { x: 10, y: 0 } },
        { data: { id: 'c' }, position: { x: 20, y: 0 } },
        { data: { id: 'far' }, position: { x: 1000, y: 0 } },
        { data: { id: 'ab', source: 'a', target: 'b' } },
        { data: { id: 'bc', source: 'b', target: 'c' } },
        { data: { id: 'cfar', source: 'c', target: 'far' } },
      ],
    });
    const store = createUiStore();
    let scope: FadeScope = { kind: 'layer' };
    const sync = bindStyleSync(cy, store, () => scope);
    const classes = () => Object.fromEntries(cy.elements().map((e) => [e.id(), e.classes().sort().join(' ')]));

    expect(sync.fading).toBe(false);
    store.setState({ selection: [{ kind: 'entity', id: 'a' }] });
    expect(sync.fading).toBe(true);
    expect(classes()).toEqual({ a: 'near', b: 'near', c: '', far: '', ab: 'incident', bc: '', cfar: '' });

    // Zoomed in: Cytoscape draws alone, and fades what is in the box around the view.
    scope = { kind: 'view', box: { x1: -50, y1: -50, x2: 50, y2: 50 } };
    sync.refresh();
    expect(classes()).toEqual({ a: 'near', b: 'near', c: 'faded', far: '', ab: 'incident', bc: 'faded', cfar: 'faded' });

    // The view moved on to the far entity.
    scope = { kind: 'view', box: { x1: 950, y1: -50, x2: 1050, y2: 50 } };
    sync.refresh();
    expect(classes()).toEqual({ a: 'near', b: 'near', c: '', far: 'faded', ab: 'incident', bc: '', cfar: 'faded' });

    store.setState({ selection: [] });
    expect(sync.fading).toBe(false);
    expect(classes()).toEqual({ a: '', b: '', c: '', far: '', ab: '', bc: '', cfar: '' });
    sync.dispose();
    cy.destroy();
  });
});
