import { HTMLSelect } from '@blueprintjs/core';
import { useMemo } from 'react';
import { numericLinkAttributes } from '../../app/analysis/graph';
import { useApp } from '../appContext';
import { useStore } from '../store';
import { UI } from './controls';

/**
 * Which numeric link attribute weighs the network (networkx's `weight=`), beside "weighted by
 * evidence": the attributes the chart's links hold as positive numbers, with how many links.
 */
export function WeightAttributeField({
  label,
  title,
  value,
  onChange,
}: {
  label: string;
  title: string;
  value: string | null;
  onChange: (attribute: string | null) => void;
}) {
  const { store } = useApp();
  const links = useStore(store, (s) => s.chart?.links);
  const offered = useMemo(() => numericLinkAttributes(links ?? []), [links]);
  // An attribute chosen before the links changed stays listed, so the choice in force is visible.
  const names = value !== null && !offered.some((a) => a.name === value) ? [...offered, { name: value, links: 0 }] : offered;
  return (
    <label className="field" title={title}>
      <span className={UI.fieldName}>{label}</span>
      <HTMLSelect fill aria-label={label} value={value ?? ''} disabled={names.length === 0} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">{names.length === 0 ? 'No numeric link attributes' : 'None'}</option>
        {names.map((a) => (
          <option key={a.name} value={a.name}>
            {a.name} ({a.links.toLocaleString()} {a.links === 1 ? 'link' : 'links'})
          </option>
        ))}
      </HTMLSelect>
    </label>
  );
}
