import { Classes } from '@blueprintjs/core';
import { mdiAlertCircleOutline, mdiClose } from '@mdi/js';
import { useApp } from '../appContext';
import { Icon } from '../Icon';
import { useStore } from '../store';
import { IconButton } from './IconButton';

/** The last error, in words, until the analyst dismisses it. */
export function ErrorBanner() {
  const { store } = useApp();
  const error = useStore(store, (s) => s.error);
  if (error === null) return null;
  return (
    <div className={`${Classes.CALLOUT} ${Classes.COMPACT} ${Classes.INTENT_DANGER} error-banner`} data-testid="error-banner" role="alert">
      <Icon path={mdiAlertCircleOutline} size={16} />
      <span className="error-message">{error}</span>
      <IconButton label="Dismiss error" icon={mdiClose} size={14} onClick={() => store.setState({ error: null })} />
    </div>
  );
}
