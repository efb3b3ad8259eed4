import { Classes } from '@blueprintjs/core';
import { mdiFolderOpenOutline, mdiPlus } from '@mdi/js';
import { useApp } from '../appContext';
import { runCommand } from '../commands';
import { Icon } from '../Icon';
import { useStore } from '../store';
import { RecentList } from './RecentList';
import { BUTTON } from '../ui/buttons';

/** What the window shows with no case open. */
export function EmptyState() {
  const { store, session, commands } = useApp();
  const recent = useStore(store, (s) => s.recent);
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className={`${Classes.CARD} ${Classes.ELEVATION_2} empty-card`}>
        <h1 className={Classes.HEADING}>No case open</h1>
        <p className={Classes.TEXT_MUTED}>A case is one file holding entities, links, sources and the evidence for each.</p>
        <div className="empty-actions">
          <button type="button" className={BUTTON.primary} onClick={() => void runCommand('file.new', commands)}>
            <Icon path={mdiPlus} />
            <span>New case</span>
          </button>
          <button type="button" className={BUTTON.plain} onClick={() => void runCommand('file.open', commands)}>
            <Icon path={mdiFolderOpenOutline} />
            <span>Open case</span>
          </button>
        </div>
        {recent.length > 0 && (
          <section className="empty-recent" aria-labelledby="recent-title">
            <div className={Classes.DIVIDER} />
            <h2 id="recent-title">Recent cases</h2>
            <div className={Classes.MENU}>
              <RecentList recent={recent} onOpen={(recentId) => void session.openCase(recentId)} />
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
