import { createStore } from '../../store';
import type { TableFilters, TableSort, TableTab } from '../../../app/table/tableModel';

/** What one tab of the table shows: its order, filters and hidden columns. */
export interface TableTabState {
  sort: TableSort | null;
  filters: TableFilters;
  /** Ids of the columns the analyst hid (copied rows leave them out too). */
  hidden: readonly string[];
}

/** The table's own choices, kept while it is hidden behind another view (not a fact of the case). */
export interface TableState {
  tab: TableTab;
  entities: TableTabState;
  links: TableTabState;
  /** The last thing a table command reports ("Copied 3 rows as TSV"), shown in the table's status line. */
  notice: { id: number; text: string } | null;
}

const fresh = (): TableTabState => ({ sort: null, filters: {}, hidden: [] });

export const tableStore = createStore<TableState>({ tab: 'entities', entities: fresh(), links: fresh(), notice: null });

let noticeSeq = 0;

/** Says something in the table's status line (read out by screen readers: it is a live region). */
export function tableNotice(text: string): void {
  noticeSeq += 1;
  tableStore.setState({ notice: { id: noticeSeq, text } });
}

/** Changes one tab's state. */
export function updateTab(tab: TableTab, patch: Partial<TableTabState>): void {
  tableStore.setState((s) => ({ [tab]: { ...s[tab], ...patch } }));
}

/**
 * What the copy commands ask of the table on screen: the TSV of the selected rows or of every row
 * shown (visible columns, in the table's order). Null while the table is not mounted.
 */
export interface TableCopySource {
  tsv: (which: 'selected' | 'shown') => { text: string; rows: number };
}

let copySource: TableCopySource | null = null;

export function attachTableCopy(source: TableCopySource | null): void {
  copySource = source;
}

export function tableCopySource(): TableCopySource | null {
  return copySource;
}

/** What the status line says after a copy. */
export function copiedNotice(rows: number): string {
  return `Copied ${rows.toLocaleString('en-GB')} ${rows === 1 ? 'row' : 'rows'} as TSV`;
}
