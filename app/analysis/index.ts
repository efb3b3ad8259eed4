/**
 * Link analysis for the workbench: pure functions over entities, links and graded citations,
 * runnable in the renderer, a Web Worker or Node. See each module for the conventions.
 */
export * from './analyze';
export * from './centrality';
export * from './communities';
export * from './components';
export * from './control';
export * from './filters';
export * from './grades';
export * from './graph';
export * from './measures';
export * from './paths';
export * from './random';
export * from './sensitivity';
