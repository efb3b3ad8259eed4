import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { createUiStore } from '../store';
import { bindStyleSync } from './styleSync';

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
    const unbind = bindStyleSync(cy, store);
    const classes = () => Object.fromEntries(cy.elements().map((e) => [e.id(), e.classes().sort().join(' ')]));

    store.setState({ selection: [{ kind: 'entity', id: 'a' }] });
    expect(classes()).toEqual({ a: 'near', b: 'near', c: 'faded', ab: 'incident', bc: 'faded' });
    store.setState({ selection: [] });
    expect(classes()).toEqual({ a: '', b: '', c: '', ab: '', bc: '' });
    unbind();
    cy.destroy();
  });
});
