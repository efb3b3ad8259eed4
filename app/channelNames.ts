/**
 * The names of every channel and event, apart from their schemas, so the preload (which must stay
 * small and load fast in the sandbox) can build `window.workbench` without bundling zod.
 * app/contract.ts checks at compile time that its channel list has exactly these names.
 */
export const CHANNEL_NAMES = [
  'case.current',
  'case.recent',
  'case.new',
  'case.open',
  'case.close',
  'case.restoreBackup',
  'case.setMarking',
  'app.about',
  'menu.update',
  'settings.get',
  'settings.update',
  'chart.load',
  'chart.sketch',
  'case.rows',
  'chart.savePositions',
  'chart.saveViewport',
  'entity.get',
  'link.get',
  'source.get',
  'entity.create',
  'entity.update',
  'entity.addAlias',
  'entity.removeAlias',
  'entity.setLocation',
  'entity.deletePreview',
  'entity.delete',
  'entity.bulkUpdate',
  'entity.merge',
  'entity.merges',
  'link.create',
  'link.update',
  'link.deletePreview',
  'link.delete',
  'source.list',
  'source.create',
  'source.update',
  'source.deletePreview',
  'source.delete',
  'citation.create',
  'citation.update',
  'citation.delete',
  'note.list',
  'note.create',
  'note.update',
  'note.delete',
  'annotation.list',
  'annotation.create',
  'annotation.update',
  'annotation.delete',
  'chart.moveNodes',
  'history.state',
  'history.undo',
  'history.redo',
  'history.clear',
  'search.query',
  'interchange.preview',
  'interchange.import',
  'interchange.cancel',
  'task.cancel',
  'interchange.export',
  'analysis.evidence',
  'chart.pinned',
  'chart.setPinned',
  'view.list',
  'view.save',
  'view.delete',
  'image.sources',
  'image.saveVector',
  'image.begin',
  'image.tile',
  'image.finish',
  'image.cancel',
  'chart.expandPreview',
  'chart.expand',
  'chart.addPreview',
  'chart.addEntities',
  'chart.removeEntities',
  'chart.offChartLinks',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Events main sends to the renderer (no reply). */
export const EVENT_NAMES = ['case.changed', 'case.edited', 'command.run', 'app.notice', 'import.dropped'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/**
 * The one message the preload sends on its own, not on the page's behalf: the paths of files
 * dropped on the window, read from the drop by Electron (the page's script cannot name them).
 * Not a contract channel: `window.workbench` has no method for it.
 */
export const FILE_DROP_CHANNEL = 'preload.filesDropped';
