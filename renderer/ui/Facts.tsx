import { HTMLTable } from '@blueprintjs/core';
import type { ReactNode } from 'react';

/** One name and its value; `false` leaves a row out (`cond && [name, value]`). */
export type FactRow = readonly [string, ReactNode];

/**
 * Names and values in Blueprint's compact table, each name the header of its row: the inspector's
 * facts and attributes, Help › About's versions. Nothing when every row is left out.
 */
export function Facts({ rows, className, label }: { rows: readonly (FactRow | false)[]; className?: string; label?: string }) {
  const shown = rows.filter((row): row is FactRow => row !== false);
  if (shown.length === 0) return null;
  return (
    <HTMLTable compact className={className} aria-label={label}>
      <tbody>
        {shown.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </HTMLTable>
  );
}
