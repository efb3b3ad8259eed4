import { describe, expect, it } from 'vitest';
import type { Entity, Link } from '../../../app/domain';
import { cellChange, editText, type EditedItem } from './tableEdit';

const stamp = '2025-01-01T00:00:00.000Z';
const koufa: EditedItem = {
  kind: 'entity',
  item: {
    id: 'a',
    type: 'person',
    label: 'Amadou Koufa',
    aliases: [],
    description: null,
    startDate: '2015',
    endDate: null,
    attributes: { age: 57, alive: true, role: 'leader' },
    color: null,
    location: null,
    createdAt: stamp,
    updatedAt: stamp,
  } satisfies Entity,
};
const founding: EditedItem = {
  kind: 'link',
  item: {
    id: 'l',
    type: 'founded',
    sourceId: 'a',
    targetId: 'b',
    directed: true,
    label: 'founding faction of',
    description: null,
    startDate: '2017-03-02',
    endDate: null,
    attributes: {},
    strength: null,
    createdAt: stamp,
    updatedAt: stamp,
  } satisfies Link,
};

describe('the text a cell editor opens with', () => {
  it('is the stored value as the analyst types it', () => {
    expect(editText(koufa, 'label')).toBe('Amadou Koufa');
    expect(editText(koufa, 'startDate')).toBe('2015');
    expect(editText(koufa, 'endDate')).toBe('');
    expect(editText(koufa, { attribute: 'age' })).toBe('57');
    expect(editText(koufa, { attribute: 'alive' })).toBe('yes');
    expect(editText(koufa, { attribute: 'missing' })).toBe('');
  });
});

describe('the change a typed value makes', () => {
  it('renames an entity (trimmed), and refuses an empty label with the inspector’s message', () => {
    expect(cellChange(koufa, 'label', '  Hamadoun Koufa ')).toEqual({ ok: true, kind: 'entity', changes: { label: 'Hamadoun Koufa' } });
    expect(cellChange(koufa, 'label', '   ')).toEqual({ ok: false, message: 'An entity needs a label.' });
    expect(cellChange(koufa, 'label', 'Amadou Koufa')).toBeNull();
  });

  it('clears a link label when emptied (the chart then shows its type)', () => {
    expect(cellChange(founding, 'label', '')).toEqual({ ok: true, kind: 'link', changes: { label: null } });
  });

  it('sets a partial date, clears it when emptied, and refuses a malformed date or an end before the start', () => {
    expect(cellChange(koufa, 'startDate', '2015-06')).toEqual({ ok: true, kind: 'entity', changes: { startDate: '2015-06' } });
    expect(cellChange(koufa, 'startDate', ' ')).toEqual({ ok: true, kind: 'entity', changes: { startDate: null } });
    expect(cellChange(koufa, 'startDate', '15/06/2015')).toEqual({ ok: false, message: 'Write a date as 2017, 2017-03 or 2017-03-02 (or leave it empty).' });
    expect(cellChange(koufa, 'startDate', '2015-02-30')).toMatchObject({ ok: false });
    expect(cellChange(koufa, 'endDate', '2014')).toEqual({ ok: false, message: 'The end date (2014) is before the start date (2015).' });
    expect(cellChange(founding, 'endDate', '2019')).toEqual({ ok: true, kind: 'link', changes: { endDate: '2019' } });
  });

  it('sets an attribute as the inspector reads it (numbers and yes/no typed), keeping the others, and removes it when emptied', () => {
    expect(cellChange(koufa, { attribute: 'age' }, '58')).toEqual({ ok: true, kind: 'entity', changes: { attributes: { age: 58, alive: true, role: 'leader' } } });
    expect(cellChange(koufa, { attribute: 'alive' }, 'no')).toEqual({ ok: true, kind: 'entity', changes: { attributes: { age: 57, alive: false, role: 'leader' } } });
    expect(cellChange(koufa, { attribute: 'role' }, '')).toEqual({ ok: true, kind: 'entity', changes: { attributes: { age: 57, alive: true } } });
    const tooLong = cellChange(koufa, { attribute: 'role' }, 'x'.repeat(10_001));
    expect(tooLong?.ok === false && tooLong.message).toContain('at most 10,000 characters');
  });
});
