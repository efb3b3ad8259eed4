import { Classes } from '@blueprintjs/core';
import { useState, type ReactNode } from 'react';
import { BUTTON } from '../ui/buttons';

export interface Column<Row> {
  key: string;
  label: string;
  /** CSS grid track, e.g. "44px" or "minmax(0, 1fr)". */
  width: string;
  align?: 'left' | 'right';
  render: (row: Row) => ReactNode;
  /** Sort key; a column without one is not sortable. */
  sortValue?: (row: Row) => number | string;
}

export interface SortState {
  key: string;
  descending: boolean;
}

const ROW_HEIGHT = 24;
/** A cell: one line, ended with an ellipsis; numbers right-aligned. */
const cellClass = (align: Column<unknown>['align']) => `${Classes.TEXT_OVERFLOW_ELLIPSIS}${align === 'right' ? ' num' : ''}`;
const OVERSCAN = 6;

/**
 * A sortable table that renders only the rows in view (plus a few either side), so a ranking of
 * 20,000 entities scrolls like one of 20. Rows are buttons: clicking one calls `onPick`.
 */
export function VirtualTable<Row>({
  rows,
  columns,
  rowKey,
  onPick,
  initialSort,
  height = 264,
  testId,
  label,
  activeKey,
}: {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  onPick?: (row: Row) => void;
  initialSort?: SortState;
  height?: number;
  testId?: string;
  label: string;
  activeKey?: string | null;
}) {
  const [sort, setSort] = useState<SortState | null>(initialSort ?? null);
  const [scrollTop, setScrollTop] = useState(0);
  const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
  const sorted =
    column?.sortValue && sort
      ? [...rows].sort((a, b) => {
          const x = column.sortValue!(a);
          const y = column.sortValue!(b);
          const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
          return sort.descending ? -order : order;
        })
      : rows;
  // Even, so a row keeps its stripe as the table scrolls (Blueprint stripes odd children).
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) & ~1;
  const last = Math.min(sorted.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const template = columns.map((c) => c.width).join(' ');
  const toggle = (key: string) =>
    setSort((s) => (s && s.key === key ? { key, descending: !s.descending } : { key, descending: key !== 'label' && key !== 'rank' }));

  return (
    <div className="vtable" style={{ maxHeight: height + ROW_HEIGHT }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <table
        className={`${Classes.HTML_TABLE} ${Classes.HTML_TABLE_STRIPED}${onPick ? ` ${Classes.INTERACTIVE}` : ''}`}
        role="table"
        aria-label={label}
        aria-rowcount={sorted.length + 1}
        data-testid={testId}
      >
        <thead>
          <tr role="row" style={{ gridTemplateColumns: template }}>
            {columns.map((c) => (
              <th key={c.key} role="columnheader" className={cellClass(c.align)} aria-sort={sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                {c.sortValue ? (
                  <button type="button" className={BUTTON.minimalSmall} onClick={() => toggle(c.key)}>
                    {c.label}
                    {sort?.key === c.key ? (sort.descending ? ' ▾' : ' ▴') : ''}
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" style={{ height: sorted.length * ROW_HEIGHT }}>
          {sorted.slice(first, last).map((row, i) => {
            const key = rowKey(row);
            return (
              <tr
                key={key}
                role="row"
                aria-rowindex={first + i + 2}
                className={`vtable-row${activeKey === key ? ' active' : ''}`}
                data-testid={testId ? `${testId}-row` : undefined}
                tabIndex={onPick ? 0 : -1}
                style={{ gridTemplateColumns: template, top: (first + i) * ROW_HEIGHT }}
                onClick={onPick ? () => onPick(row) : undefined}
                onKeyDown={
                  onPick
                    ? (e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          onPick(row);
                        }
                      }
                    : undefined
                }
              >
                {columns.map((c) => (
                  <td key={c.key} role="cell" className={cellClass(c.align)}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
