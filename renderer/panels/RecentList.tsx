import { Classes } from '@blueprintjs/core';
import { mdiFileDocumentOutline } from '@mdi/js';
import type { RecentCase } from '../../app/contract';
import { Icon } from '../Icon';
import { MENU } from '../ui/menus';

/** Recently opened case files; a file that has gone is shown but cannot be opened. */
export function RecentList({
  recent,
  onOpen,
  itemRole,
  limit = 8,
}: {
  recent: readonly RecentCase[];
  /** Called with the entry's id: the renderer never hands main a path. */
  onOpen: (recentId: string) => void;
  itemRole?: 'menuitem';
  limit?: number;
}) {
  return (
    <>
      {recent.slice(0, limit).map((item) => (
        <button
          key={item.id}
          type="button"
          role={itemRole}
          className={`${MENU.item} recent-item`}
          disabled={!item.exists}
          title={item.exists ? item.path : `${item.path} (missing)`}
          onClick={() => onOpen(item.id)}
        >
          <Icon path={mdiFileDocumentOutline} size={16} />
          <span className="recent-text">
            <span className={Classes.TEXT_OVERFLOW_ELLIPSIS}>{item.name}</span>
            <span className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL} ${Classes.TEXT_OVERFLOW_ELLIPSIS} recent-path`}>{item.exists ? item.path : `Missing: ${item.path}`}</span>
          </span>
        </button>
      ))}
    </>
  );
}
