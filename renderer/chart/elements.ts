import type { SingularElementArgument } from 'cytoscape';
import { OPTIONAL_DATA_KEYS, isDataClass, type ChartElement } from '../../app/chartElements';

export {
  CLASS,
  OPTIONAL_DATA_KEYS,
  chartElements,
  diffElements,
  edgeElement,
  elementChange,
  hasAllPositions,
  isDataClass,
  nodeElement,
  type ChartElement,
  type EdgeElement,
  type ElementDiff,
  type ElementSnapshot,
  type NodeElement,
} from '../../app/chartElements';

/**
 * Gives a drawn element the data and data classes it should have. Optional keys it no longer has are
 * removed first: Cytoscape's removeData does not restyle by itself and data() does, so the rules
 * keyed on them (note badge, analyst colour) follow without relying on a batch to restyle later.
 */
export function updateDrawnElement(ele: SingularElementArgument, element: ChartElement): void {
  for (const key of OPTIONAL_DATA_KEYS) if (!(key in element.data) && ele.data(key) !== undefined) ele.removeData(key);
  ele.data({ ...element.data });
  // Only the data's own classes: emphasis and analysis classes stay (their controllers own them),
  // and a class call that changes nothing is not made (Cytoscape restyles for each).
  const wanted = new Set(element.classes.split(/\s+/).filter(Boolean));
  for (const name of ele.classes()) if (isDataClass(name) && !wanted.has(name)) ele.removeClass(name);
  for (const name of wanted) if (!ele.hasClass(name)) ele.addClass(name);
}
