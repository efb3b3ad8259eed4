declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  /** The fCoSE layout extension; register it with `cytoscape.use(fcose)`. */
  const fcose: Ext;
  export default fcose;
}
