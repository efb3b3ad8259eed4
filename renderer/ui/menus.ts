import { Classes } from '@blueprintjs/core';

/**
 * Blueprint's menu and toast classes for the app's own menus (File, the chart's context menu) and
 * its toast. The menus keep their own keyboard handling and positioning (roles, arrow keys, focus
 * return, the right-click point); Blueprint gives them its look, its dark theme and its focus ring.
 */
export const MENU = {
  /** The menu's list: Blueprint's menu on an elevated card. */
  list: `${Classes.MENU} ${Classes.ELEVATION_3}`,
  item: Classes.MENU_ITEM,
  /** The label part of an item, taking the room before the shortcut. */
  label: `${Classes.FILL} ${Classes.TEXT_OVERFLOW_ELLIPSIS}`,
  /** The shortcut at the item's end. */
  shortcut: Classes.MENU_ITEM_LABEL,
  divider: Classes.MENU_DIVIDER,
  header: Classes.MENU_HEADER,
} as const;

export const TOAST = {
  toast: `${Classes.TOAST} ${Classes.ELEVATION_3}`,
  message: Classes.TOAST_MESSAGE,
} as const;
