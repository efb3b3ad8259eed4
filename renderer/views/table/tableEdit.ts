/**
 * Editing a table cell in place: the text the editor opens with, and the change a typed value
 * makes to the entity or link, checked as the inspector checks it (the same messages), so the
 * table sends main only what main would accept, through the same `entity.update`/`link.update`
 * calls, each one undoable step.
 */
import { isPartialDate, type Entity, type Link } from '../../../app/domain';
import type { EntityChanges, LinkChanges } from '../../../app/editing/schemas';
import { attributeIssues, blankToNull, labelIssues, LIMITS, periodIssues } from '../../../app/editing/validate';
import { parseAttributeValue } from '../../editing/EntityEditor';
import { attributeCell, cellText, type CellField } from '../../../app/table/tableModel';

export type EditedItem = { kind: 'entity'; item: Entity } | { kind: 'link'; item: Link };

export type CellChange =
  | { ok: true; kind: 'entity'; changes: EntityChanges }
  | { ok: true; kind: 'link'; changes: LinkChanges }
  | { ok: false; message: string };

/** What the cell's editor starts with: the stored value as the analyst would type it. */
export function editText(edited: EditedItem, field: CellField): string {
  const { item } = edited;
  if (field === 'label') return item.label ?? '';
  if (field === 'startDate') return item.startDate ?? '';
  if (field === 'endDate') return item.endDate ?? '';
  return Object.hasOwn(item.attributes, field.attribute) ? cellText(attributeCell(item.attributes[field.attribute])) : '';
}

const DATE_SHAPE = 'Write a date as 2017, 2017-03 or 2017-03-02 (or leave it empty).';

/**
 * The change typing `draft` into a cell makes; null when it changes nothing (the editor just
 * closes). A refusal says why in a sentence and changes nothing.
 */
export function cellChange(edited: EditedItem, field: CellField, draft: string): CellChange | null {
  if (draft === editText(edited, field)) return null;
  // Dates and attributes are the same fields on both; only the label differs (a link's may be null).
  const wrap = (changes: Pick<EntityChanges, 'label' | 'startDate' | 'endDate' | 'attributes'>): CellChange =>
    edited.kind === 'entity' ? { ok: true, kind: 'entity', changes } : { ok: true, kind: 'link', changes };
  const { item } = edited;

  if (field === 'label') {
    if (edited.kind === 'entity') {
      const issue = labelIssues(draft)[0];
      return issue ? { ok: false, message: issue.message } : wrap({ label: draft.trim() });
    }
    const label = blankToNull(draft);
    if (label !== null && label.length > LIMITS.linkLabel) return { ok: false, message: `A link label can be at most ${LIMITS.linkLabel.toLocaleString('en-GB')} characters.` };
    return label === item.label ? null : { ok: true, kind: 'link', changes: { label } };
  }

  if (field === 'startDate' || field === 'endDate') {
    const date = blankToNull(draft);
    if (date !== null && !isPartialDate(date)) return { ok: false, message: DATE_SHAPE };
    const start = field === 'startDate' ? date : item.startDate;
    const end = field === 'endDate' ? date : item.endDate;
    const issue = periodIssues(start, end)[0];
    if (issue) return { ok: false, message: issue.message };
    if (date === item[field]) return null;
    return wrap(field === 'startDate' ? { startDate: date } : { endDate: date });
  }

  // An attribute: blank removes it; yes/no and numbers are stored as such (as in the inspector).
  const attributes = { ...item.attributes };
  if (draft.trim() === '') delete attributes[field.attribute];
  else attributes[field.attribute] = parseAttributeValue(draft);
  const issue = attributeIssues(attributes)[0];
  return issue ? { ok: false, message: issue.message } : wrap({ attributes });
}
