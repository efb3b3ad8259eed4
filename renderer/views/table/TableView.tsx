import { Button, Checkbox, Classes, Popover, Tab, Tabs } from '@blueprintjs/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { isPartialDate } from '../../../app/domain';
import { useApp } from '../../appContext';
import { runCommand } from '../../commands';
import { useCaseChart } from '../../data/caseHooks';
import { serverMessage } from '../../editing/fields';
import { useStore, type SelectedElement } from '../../store';
import { selectElements } from '../selection';
import { viewStore } from '../views';
import { cellChange, editText, type EditedItem } from './tableEdit';
import {
  cellText,
  distinctValues,
  entityTable,
  filterRows,
  isActiveFilter,
  linkTable,
  nextSort,
  parseBound,
  rangeBetween,
  sortRows,
  toTsv,
  type ColumnFilter,
  type TableColumn,
  type TableData,
  type TableRow,
  type TableTab,
} from '../../../app/table/tableModel';
import { attachTableCopy, copiedNotice, tableNotice, tableStore, updateTab } from './tableState';
import './table.css';

const ROW_HEIGHT = 26;
const HEADER_HEIGHT = 30;
const FILTER_HEIGHT = 32;
/** The sticky header above the rows: the virtualiser places rows below it and scrolls rows clear of it. */
const HEAD_HEIGHT = HEADER_HEIGHT + FILTER_HEIGHT;
/** How many values a set filter lists (the rest are reached by typing in a text filter). */
const SET_LIMIT = 300;

interface Cursor {
  rowId: string | null;
  /** Index into the visible columns. */
  col: number;
}

interface EditorState {
  rowId: string;
  col: number;
  initial: string;
}

/**
 * The table view: the entities or the links on the chart as a spreadsheet (virtualised: only
 * the rows in view are in the page), sorted by any column, filtered by any column, selecting
 * through the shared selection, editing labels, dates and attributes in place through the
 * inspector's undoable calls, and copying rows as TSV.
 */
export function TableView() {
  const { store, api, editing, commands } = useApp();
  const chart = useCaseChart();
  const tab = useStore(tableStore, (s) => s.tab);
  const tabState = useStore(tableStore, (s) => s[tab]);
  const notice = useStore(tableStore, (s) => s.notice);
  const selection = useStore(store, (s) => s.selection);
  const kind: SelectedElement['kind'] = tab === 'entities' ? 'entity' : 'link';

  const data = useMemo<TableData | null>(() => (chart ? (tab === 'entities' ? entityTable(chart) : linkTable(chart)) : null), [chart, tab]);
  // Typing in a filter stays responsive on 20,000 rows: the rows follow a moment later.
  const filters = useDeferredValue(tabState.filters);
  const filtered = useMemo(() => (data ? filterRows(data, filters) : []), [data, filters]);
  const rows = useMemo(() => (data ? sortRows(data, filtered, tabState.sort) : []), [data, filtered, tabState.sort]);
  const columns = useMemo(() => (data ? data.columns.filter((c) => !tabState.hidden.includes(c.id)) : []), [data, tabState.hidden]);
  const indexes = useMemo(() => (data ? columns.map((c) => data.columns.indexOf(c)) : []), [data, columns]);
  const template = useMemo(() => columns.map((c) => `${c.width}px`).join(' '), [columns]);
  const totalWidth = useMemo(() => columns.reduce((w, c) => w + c.width, 0), [columns]);
  const order = useMemo(() => rows.map((r) => r.id), [rows]);
  const selectedIds = useMemo(() => new Set(selection.filter((s) => s.kind === kind).map((s) => s.id)), [selection, kind]);

  const [cursor, setCursor] = useState<Cursor>({ rowId: null, col: 0 });
  const [anchor, setAnchor] = useState<string | null>(null);
  const [editor, setEditor] = useState<EditorState | null>(null);
  const [filterReset, setFilterReset] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);

  // The app does not use the React Compiler (the rule warns for it): the virtualiser's own state
  // re-renders this component on scroll, and rows get plain values from it, never its functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  // An edited row that went (deleted by another view, or by undo) takes its editor with it.
  const shownEditor = editor && order.includes(editor.rowId) ? editor : null;

  /** Another tab starts with no cursor and nothing being edited. */
  const switchTab = (next: TableTab) => {
    if (next === tab) return;
    setCursor({ rowId: null, col: 0 });
    setAnchor(null);
    setEditor(null);
    tableStore.setState({ tab: next });
  };

  const focusGrid = () => scroller.current?.focus({ preventScroll: true });

  const reveal = useCallback(
    (rowId: string, col?: number) => {
      const index = order.indexOf(rowId);
      if (index !== -1) virtualizer.scrollToIndex(index, { align: 'auto' });
      const element = scroller.current;
      if (col !== undefined && element) {
        const left = columns.slice(0, col).reduce((w, c) => w + c.width, 0);
        const right = left + (columns[col]?.width ?? 0);
        if (left < element.scrollLeft) element.scrollLeft = left;
        else if (right > element.scrollLeft + element.clientWidth) element.scrollLeft = right - element.clientWidth;
      }
    },
    [order, virtualizer, columns],
  );

  // After an edit re-sorts the rows, the edited row is scrolled back into view.
  const revealAfterEdit = useRef<string | null>(null);
  useEffect(() => {
    const id = revealAfterEdit.current;
    if (id === null || !order.includes(id)) return;
    revealAfterEdit.current = null;
    reveal(id);
  }, [order, reveal]);

  const choose = (rowId: string, how: 'replace' | 'toggle' | 'range' | 'addRange' | 'cursor') => {
    const element = (id: string): SelectedElement => ({ kind, id });
    if (how === 'range' || how === 'addRange') {
      const ids = rangeBetween(order, anchor, rowId);
      if (how === 'range') selectElements(store, ids.map(element), 'replace');
      else {
        const added = new Set(ids);
        store.setState((s) => ({ selection: [...s.selection.filter((e) => !added.has(e.id)), ...ids.map(element)] }));
      }
    } else if (how !== 'cursor') {
      selectElements(store, [element(rowId)], how);
      setAnchor(rowId);
    }
    setCursor((c) => ({ ...c, rowId }));
  };

  const onRowsClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target instanceof Element ? event.target : null;
    const rowElement = target?.closest<HTMLElement>('[data-row-id]');
    if (!rowElement || target?.closest('.table-cell-editor')) return;
    const rowId = rowElement.dataset.rowId!;
    const col = Number(target?.closest<HTMLElement>('[data-col]')?.dataset.col ?? cursor.col);
    const primary = event.ctrlKey || event.metaKey;
    choose(rowId, event.shiftKey ? (primary ? 'addRange' : 'range') : primary ? 'toggle' : 'replace');
    setCursor({ rowId, col });
  };

  /** The entity or link a row stands for, as the chart holds it. */
  const itemOf = useCallback(
    (rowId: string): EditedItem | null => {
      if (!chart) return null;
      if (kind === 'entity') {
        const item = chart.entities.find((e) => e.id === rowId);
        return item ? { kind, item } : null;
      }
      const item = chart.links.find((l) => l.id === rowId);
      return item ? { kind, item } : null;
    },
    [chart, kind],
  );

  const startEditing = (rowId: string, col: number) => {
    const column = columns[col];
    const item = itemOf(rowId);
    if (!column || !item) return;
    if (column.edit === null) {
      tableNotice(`${column.label} is worked out from the case: edit the ${kind} in the inspector or on the chart.`);
      return;
    }
    setCursor({ rowId, col });
    reveal(rowId, col);
    setEditor({ rowId, col, initial: editText(item, column.edit) });
  };

  /** Saves the editor's text; returns the sentence that says why not, or null once saved (or unchanged). */
  const commitEdit = async (draft: string, refocus: boolean): Promise<string | null> => {
    if (!editor) return null;
    const column = columns[editor.col];
    const item = itemOf(editor.rowId);
    if (!column?.edit || !item) {
      setEditor(null);
      return null;
    }
    const change = cellChange(item, column.edit, draft);
    if (change === null) {
      setEditor(null);
      if (refocus) focusGrid();
      return null;
    }
    if (!change.ok) return change.message;
    const field = typeof column.edit === 'string' ? column.edit : 'attributes';
    const result =
      change.kind === 'entity'
        ? await editing.call(api['entity.update']({ id: item.item.id, changes: change.changes }))
        : await editing.call(api['link.update']({ id: item.item.id, changes: change.changes }));
    if (!result.ok) return serverMessage(result.error, field);
    revealAfterEdit.current = item.item.id;
    setEditor(null);
    if (refocus) focusGrid();
    return null;
  };

  const cancelEdit = (refocus: boolean) => {
    setEditor(null);
    if (refocus) focusGrid();
  };

  const showOnChart = (rowId: string) => {
    if (!selectedIds.has(rowId)) selectElements(store, [{ kind, id: rowId }]);
    if (!viewStore.getState().split) viewStore.show('chart');
    commands.chart()?.focus(rowId);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="chart"]')?.focus({ preventScroll: true }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed in the header's filters and buttons, or in a cell editor, are theirs.
    if (event.target !== event.currentTarget) return;
    const primary = event.ctrlKey || event.metaKey;
    const key = event.key;
    if (primary && !event.altKey && key.toLowerCase() === 'c') {
      event.preventDefault();
      void runCommand('table.copySelected', commands);
      return;
    }
    if (primary && !event.altKey && key.toLowerCase() === 'a') {
      event.preventDefault();
      selectElements(store, order.map((id) => ({ kind, id })), 'replace');
      return;
    }
    const at = cursor.rowId === null ? -1 : order.indexOf(cursor.rowId);
    const page = Math.max(1, Math.floor(((scroller.current?.clientHeight ?? 300) - HEAD_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at === -1 ? 0 : at - 1,
      PageDown: at + page,
      PageUp: at === -1 ? 0 : at - page,
      Home: 0,
      End: order.length - 1,
    };
    if (key in moves && order.length > 0) {
      event.preventDefault();
      const index = Math.min(order.length - 1, Math.max(0, moves[key] ?? 0));
      const rowId = order[index]!;
      choose(rowId, event.shiftKey ? (primary ? 'addRange' : 'range') : primary ? 'cursor' : 'replace');
      reveal(rowId);
      return;
    }
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      event.preventDefault();
      const col = Math.min(columns.length - 1, Math.max(0, cursor.col + (key === 'ArrowRight' ? 1 : -1)));
      setCursor((c) => ({ ...c, col }));
      if (cursor.rowId !== null) reveal(cursor.rowId, col);
      return;
    }
    if (cursor.rowId === null) return;
    if (key === 'Enter') {
      event.preventDefault();
      showOnChart(cursor.rowId);
    } else if (key === 'F2') {
      event.preventDefault();
      startEditing(cursor.rowId, cursor.col);
    } else if (key === ' ') {
      event.preventDefault();
      choose(cursor.rowId, 'toggle');
    }
  };

  // The copy commands read the table as it is on screen (visible columns, the table's order).
  const latest = useRef({ data, columns, rows, selectedIds });
  useLayoutEffect(() => {
    latest.current = { data, columns, rows, selectedIds };
  }, [data, columns, rows, selectedIds]);
  const tsvOf = useCallback((which: 'selected' | 'shown') => {
    const { data: d, columns: c, rows: r, selectedIds: s } = latest.current;
    if (!d) return { text: '', rows: 0 };
    const chosen = which === 'selected' ? r.filter((row) => s.has(row.id)) : r;
    if (which === 'selected' && chosen.length < s.size) {
      tableNotice(`${s.size - chosen.length} selected ${s.size - chosen.length === 1 ? 'row is' : 'rows are'} hidden by the filters and not copied.`);
    }
    return { text: toTsv(c, chosen, d), rows: chosen.length };
  }, []);
  useEffect(() => {
    attachTableCopy({ tsv: tsvOf });
    return () => attachTableCopy(null);
  }, [tsvOf]);

  // The window's own Copy (Edit › Copy in the native menu) while the grid has the focus copies the
  // selected rows. The browser sends it to the document (the grid holds no text selection), so the
  // listener is the document's, and acts only when the grid is the focused element.
  useEffect(() => {
    const onCopy = (event: ClipboardEvent) => {
      if (document.activeElement !== scroller.current || !event.clipboardData) return;
      const { text, rows: count } = tsvOf('selected');
      if (count === 0) return;
      event.preventDefault();
      event.clipboardData.setData('text/plain', text);
      tableNotice(copiedNotice(count));
    };
    document.addEventListener('copy', onCopy);
    return () => document.removeEventListener('copy', onCopy);
  }, [tsvOf]);

  // The fit command scrolls back to the first row; zooming means nothing to a table.
  useEffect(() => {
    viewStore.attach('table', {
      fit: () => virtualizer.scrollToIndex(0),
      zoomBy: () => undefined,
    });
    return () => viewStore.attach('table', null);
  }, [virtualizer]);

  if (!chart || !data) return null;
  const noun = tab === 'entities' ? 'entities' : 'links';
  const activeFilters = Object.values(tabState.filters).filter((f) => isActiveFilter(f)).length;
  const shownSelected = rows.reduce((n, r) => n + (selectedIds.has(r.id) ? 1 : 0), 0);

  return (
    <div className="table-view" data-testid="table">
      <div className="table-toolbar" role="toolbar" aria-label="Table">
        <Tabs id="table-tabs" selectedTabId={tab} onChange={(id) => switchTab(id === 'links' ? 'links' : 'entities')} animate={false}>
          <Tab id="entities" title={`Entities (${chart.entities.length.toLocaleString('en-GB')})`} />
          <Tab id="links" title={`Links (${chart.links.length.toLocaleString('en-GB')})`} />
        </Tabs>
        <span className="table-toolbar-gap" />
        <ColumnsMenu columns={data.columns} hidden={tabState.hidden} onChange={(hidden) => updateTab(tab, { hidden })} />
        <Button
          disabled={activeFilters === 0}
          text={activeFilters > 0 ? `Clear filters (${activeFilters})` : 'Clear filters'}
          onClick={() => {
            updateTab(tab, { filters: {} });
            setFilterReset((n) => n + 1);
          }}
        />
        <Button disabled={shownSelected === 0} text="Copy selected" title="Copy the selected rows as TSV (Ctrl+C in the table)" onClick={() => void runCommand('table.copySelected', commands)} />
      </div>
      {/* The tab panel the Entities/Links tabs control (Blueprint names it by the tabs' id and the tab's). */}
      <div className="table-panel" role="tabpanel" id={`${Classes.TAB_PANEL}_table-tabs_${tab}`} aria-labelledby={`${Classes.TAB}-title_table-tabs_${tab}`}>
      <div
        ref={scroller}
        className="table-grid"
        role="grid"
        tabIndex={0}
        aria-label={`${tab === 'entities' ? 'Entities' : 'Links'} on the chart: arrows move, Shift extends, Space toggles, Enter shows on the chart, F2 edits, Ctrl+C copies`}
        aria-rowcount={rows.length + 2}
        aria-colcount={columns.length}
        aria-multiselectable
        aria-activedescendant={cursor.rowId !== null && order.includes(cursor.rowId) ? rowDomId(cursor.rowId) : undefined}
        onKeyDown={onKeyDown}
        data-testid="table-grid"
      >
        <div className="table-head" style={{ width: totalWidth }} role="rowgroup">
          <div className="table-header-row" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}>
            {columns.map((c, i) => {
              const sorted = tabState.sort?.columnId === c.id ? tabState.sort : null;
              return (
                <div
                  key={c.id}
                  role="columnheader"
                  aria-colindex={i + 1}
                  aria-sort={sorted ? (sorted.descending ? 'descending' : 'ascending') : 'none'}
                  className={`table-header${c.kind === 'number' ? ' num' : ''}${i === cursor.col ? ' cursor-col' : ''}`}
                  data-testid="table-header"
                  data-column={c.id}
                >
                  <button type="button" className={`${Classes.BUTTON} ${Classes.MINIMAL} ${Classes.FILL}`} title={`Sort by ${c.label}`} onClick={() => updateTab(tab, { sort: nextSort(tabState.sort, c) })}>
                    <span className={Classes.TEXT_OVERFLOW_ELLIPSIS}>{c.label}</span>
                    <span className="table-sort-mark" aria-hidden>
                      {sorted ? (sorted.descending ? '▾' : '▴') : ''}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
          <div className="table-filter-row" role="row" aria-rowindex={2} style={{ gridTemplateColumns: template, height: FILTER_HEIGHT }}>
            {columns.map((c) => (
              <div key={`${tab}:${c.id}:${filterReset}`} role="gridcell" className="table-filter-cell">
                <FilterCell
                  column={c}
                  data={data}
                  filter={tabState.filters[c.id]}
                  onChange={(filter) => {
                    const next = { ...tableStore.getState()[tab].filters };
                    if (filter && isActiveFilter(filter)) next[c.id] = filter;
                    else delete next[c.id];
                    updateTab(tab, { filters: next });
                  }}
                />
              </div>
            ))}
          </div>
        </div>
        <div className="table-rows" role="rowgroup" style={{ height: virtualizer.getTotalSize(), width: totalWidth }} onClick={onRowsClick} onDoubleClick={(event) => {
          const target = event.target instanceof Element ? event.target : null;
          const rowId = target?.closest<HTMLElement>('[data-row-id]')?.dataset.rowId;
          const col = target?.closest<HTMLElement>('[data-col]')?.dataset.col;
          if (rowId !== undefined && col !== undefined && !target?.closest('.table-cell-editor')) startEditing(rowId, Number(col));
        }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index];
            if (!row) return null;
            const isCursor = row.id === cursor.rowId;
            return (
              <TableRowView
                key={row.id}
                row={row}
                index={v.index}
                top={v.start - HEAD_HEIGHT}
                columns={columns}
                indexes={indexes}
                template={template}
                selected={selectedIds.has(row.id)}
                cursorCol={isCursor ? cursor.col : -1}
                editor={shownEditor && shownEditor.rowId === row.id ? shownEditor : null}
                onCommit={commitEdit}
                onCancel={cancelEdit}
              />
            );
          })}
        </div>
        {rows.length === 0 && (
          <p className={`table-empty ${Classes.TEXT_MUTED}`}>{data.rows.length === 0 ? `No ${noun} on the chart.` : `No ${noun} match the filters.`}</p>
        )}
      </div>
      <div className="table-status" data-testid="table-status">
        <span data-testid="table-count">
          {rows.length.toLocaleString('en-GB')} of {data.rows.length.toLocaleString('en-GB')} {noun} shown
          {selectedIds.size > 0 ? ` · ${selectedIds.size.toLocaleString('en-GB')} selected` : ''}
        </span>
        <span className="table-notice" role="status" aria-live="polite" data-testid="table-notice">
          {notice?.text ?? ''}
        </span>
      </div>
      </div>
    </div>
  );
}

const rowDomId = (rowId: string) => `table-row-${rowId}`;

const TableRowView = memo(function TableRowView({
  row,
  index,
  top,
  columns,
  indexes,
  template,
  selected,
  cursorCol,
  editor,
  onCommit,
  onCancel,
}: {
  row: TableRow;
  index: number;
  top: number;
  columns: readonly TableColumn[];
  indexes: readonly number[];
  template: string;
  selected: boolean;
  /** The column of the cell cursor when this row has it, else -1. */
  cursorCol: number;
  editor: EditorState | null;
  onCommit: (draft: string, refocus: boolean) => Promise<string | null>;
  onCancel: (refocus: boolean) => void;
}) {
  const classes = ['table-row', index % 2 === 1 ? 'odd' : '', selected ? 'selected' : '', cursorCol !== -1 ? 'cursor' : ''].filter(Boolean).join(' ');
  return (
    <div
      id={rowDomId(row.id)}
      role="row"
      aria-rowindex={index + 3}
      aria-selected={selected}
      className={classes}
      style={{ transform: `translateY(${top}px)`, gridTemplateColumns: template, height: ROW_HEIGHT }}
      data-row-id={row.id}
      data-testid="table-row"
    >
      {columns.map((c, i) => {
        const value = row.cells[indexes[i] ?? -1] ?? null;
        const text = cellText(value);
        return (
          <div
            key={c.id}
            role="gridcell"
            aria-colindex={i + 1}
            className={`table-cell${c.kind === 'number' ? ' num' : ''}${i === cursorCol ? ' cursor' : ''}${c.edit ? ' editable' : ''}`}
            data-col={i}
            data-column={c.id}
            title={text.length > 24 ? text : undefined}
          >
            {editor && editor.col === i ? <CellEditor label={`${c.label} of ${text || 'this row'}`} initial={editor.initial} onCommit={onCommit} onCancel={onCancel} /> : text}
          </div>
        );
      })}
    </div>
  );
});

/** A cell's editor: Enter saves, Escape cancels, leaving the cell saves; a refusal is shown under it and keeps the text. */
function CellEditor({
  label,
  initial,
  onCommit,
  onCancel,
}: {
  label: string;
  initial: string;
  onCommit: (draft: string, refocus: boolean) => Promise<string | null>;
  onCancel: (refocus: boolean) => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const saving = useRef(false);
  /** Saved or cancelled: the blur that follows (the focus going back to the grid) is not a second save. */
  const settled = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  /** Saves; `refocus`: the keyboard asked (Enter), so the grid takes the focus back. */
  const save = async (refocus: boolean) => {
    if (saving.current) return;
    saving.current = true;
    const message = await onCommit(draft, refocus);
    saving.current = false;
    if (message === null) {
      settled.current = true;
      return;
    }
    setProblem(message);
    if (refocus) input.current?.focus();
  };
  return (
    <span className="table-cell-editor">
      <input dir="auto"
        ref={input}
        className={Classes.INPUT}
        aria-label={`Edit ${label}`}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? 'table-cell-problem' : undefined}
        value={draft}
        data-testid="table-cell-editor"
        onChange={(e) => {
          setDraft(e.target.value);
          setProblem(null);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') {
            e.preventDefault();
            void save(true);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            settled.current = true;
            onCancel(true);
          }
        }}
        onBlur={() => {
          if (settled.current || saving.current) return;
          if (draft !== initial) void save(false);
          else {
            settled.current = true;
            onCancel(false);
          }
        }}
      />
      {problem !== null && (
        <span className="table-cell-problem" id="table-cell-problem" role="alert" data-testid="table-cell-problem">
          {problem}
        </span>
      )}
    </span>
  );
}

/** The filter under one column's header: words contained, a numeric or date range, or a set of values. */
function FilterCell({ column, data, filter, onChange }: { column: TableColumn; data: TableData; filter: ColumnFilter | undefined; onChange: (filter: ColumnFilter | null) => void }) {
  switch (column.kind) {
    case 'text':
      return (
        <input dir="auto"
          className={`${Classes.INPUT} ${Classes.SMALL}`}
          aria-label={`Filter ${column.label}: contains`}
          placeholder="contains…"
          defaultValue={filter?.kind === 'text' ? filter.contains : ''}
          onChange={(e) => onChange({ kind: 'text', contains: e.target.value })}
          data-testid={`table-filter-${column.id}`}
        />
      );
    case 'number':
      return <RangeFilter column={column} filter={filter} onChange={onChange} />;
    case 'date':
      return <RangeFilter column={column} filter={filter} onChange={onChange} />;
    case 'set':
      return <SetFilter column={column} data={data} filter={filter} onChange={onChange} />;
  }
}

/** Two bounds, either may be blank: numbers for a number column, partial dates for a date column. */
function RangeFilter({ column, filter, onChange }: { column: TableColumn; filter: ColumnFilter | undefined; onChange: (filter: ColumnFilter | null) => void }) {
  const dates = column.kind === 'date';
  const initial = (which: 'low' | 'high'): string => {
    if (filter?.kind === 'number') return String((which === 'low' ? filter.min : filter.max) ?? '');
    if (filter?.kind === 'date') return (which === 'low' ? filter.from : filter.to) ?? '';
    return '';
  };
  const [low, setLow] = useState(() => initial('low'));
  const [high, setHigh] = useState(() => initial('high'));
  const [problem, setProblem] = useState<string | null>(null);

  const apply = (nextLow: string, nextHigh: string) => {
    if (dates) {
      const bad = [nextLow, nextHigh].map((s) => s.trim()).find((s) => s !== '' && !isPartialDate(s));
      if (bad !== undefined) {
        setProblem(`“${bad.slice(0, 20)}” is not a date: write 2017, 2017-03 or 2017-03-02.`);
        return;
      }
      setProblem(null);
      onChange({ kind: 'date', from: nextLow.trim() || null, to: nextHigh.trim() || null });
      return;
    }
    const min = parseBound(nextLow);
    const max = parseBound(nextHigh);
    if (!min.ok || !max.ok) {
      setProblem(!min.ok ? min.message : !max.ok ? max.message : null);
      return;
    }
    setProblem(null);
    onChange({ kind: 'number', min: min.value, max: max.value });
  };
  const inputProps = (which: 'low' | 'high') => ({
    className: `${Classes.INPUT} ${Classes.SMALL}`,
    'aria-invalid': problem !== null,
    title: problem ?? undefined,
    'data-testid': `table-filter-${column.id}-${which === 'low' ? 'min' : 'max'}`,
  });
  return (
    <span className="table-range-filter">
      <input dir="auto"
        {...inputProps('low')}
        aria-label={`Filter ${column.label}: ${dates ? 'from' : 'at least'}`}
        placeholder={dates ? 'from' : '≥'}
        value={low}
        onChange={(e) => {
          setLow(e.target.value);
          apply(e.target.value, high);
        }}
      />
      <input dir="auto"
        {...inputProps('high')}
        aria-label={`Filter ${column.label}: ${dates ? 'to' : 'at most'}`}
        placeholder={dates ? 'to' : '≤'}
        value={high}
        onChange={(e) => {
          setHigh(e.target.value);
          apply(low, e.target.value);
        }}
      />
      {problem !== null && (
        <span className="table-filter-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

/** A button opening the column's distinct values as checkboxes; none ticked is no filter. */
function SetFilter({ column, data, filter, onChange }: { column: TableColumn; data: TableData; filter: ColumnFilter | undefined; onChange: (filter: ColumnFilter | null) => void }) {
  const chosen = filter?.kind === 'set' ? filter.values : [];
  const [open, setOpen] = useState(false);
  const values = useMemo(() => (open ? distinctValues(data, column.id) : []), [open, data, column.id]);
  const shown = chosen.length === 0 ? 'All' : chosen.length === 1 ? chosen[0] || '(empty)' : `${chosen.length} chosen`;
  const toggle = (value: string) => {
    const next = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
    onChange(next.length === 0 ? null : { kind: 'set', values: next });
  };
  return (
    <Popover
      isOpen={open}
      onInteraction={setOpen}
      placement="bottom-start"
      content={
        <div className="table-set-filter" role="group" aria-label={`Filter ${column.label}`} data-testid={`table-set-filter-${column.id}`}>
          {values.slice(0, SET_LIMIT).map(({ value, count }) => (
            <Checkbox key={value} checked={chosen.includes(value)} onChange={() => toggle(value)} labelElement={<span>{value === '' ? '(empty)' : value} <span className={Classes.TEXT_MUTED}>{count.toLocaleString('en-GB')}</span></span>} />
          ))}
          {values.length > SET_LIMIT && <p className={Classes.TEXT_MUTED}>{(values.length - SET_LIMIT).toLocaleString('en-GB')} more values: none of them is listed.</p>}
          <Button size="small" disabled={chosen.length === 0} text="Show all" onClick={() => onChange(null)} />
        </div>
      }
    >
      {/* Its name holds what it shows (axe's label-in-name): "Filter Type: All". */}
      <Button size="small" className="table-set-button" aria-label={`Filter ${column.label}: ${shown}`} text={shown} data-testid={`table-filter-${column.id}`} />
    </Popover>
  );
}

/** Shows and hides columns (hidden columns are not copied either). */
function ColumnsMenu({ columns, hidden, onChange }: { columns: readonly TableColumn[]; hidden: readonly string[]; onChange: (hidden: string[]) => void }) {
  return (
    <Popover
      placement="bottom-end"
      content={
        <div className="table-columns-menu" role="group" aria-label="Columns shown">
          {columns.map((c) => (
            <Checkbox
              key={c.id}
              label={c.label}
              checked={!hidden.includes(c.id)}
              // The last visible column stays: a table of no columns shows nothing to select.
              disabled={!hidden.includes(c.id) && hidden.length >= columns.length - 1}
              onChange={() => onChange(hidden.includes(c.id) ? hidden.filter((h) => h !== c.id) : [...hidden, c.id])}
            />
          ))}
        </div>
      }
    >
      <Button text="Columns…" />
    </Popover>
  );
}
