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
  'chart.load',
  'chart.savePositions',
  'chart.saveViewport',
  'entity.get',
  'link.get',
  'source.get',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Events main sends to the renderer (no reply). */
export const EVENT_NAMES = ['case.changed', 'command.run'] as const;
export type EventName = (typeof EVENT_NAMES)[number];
