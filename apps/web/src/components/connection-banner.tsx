import { useEffect, useState } from 'react';

import { useI18n } from '../i18n';
import { useConnectionState } from '../realtime';

/**
 * Says when the live connection is lost, and briefly that it is back. The region is always in
 * the page so screen readers announce the change.
 */
export function ConnectionBanner() {
  const state = useConnectionState();
  const { t } = useI18n();
  const [wasOffline, setWasOffline] = useState(false);
  const [showBack, setShowBack] = useState(false);

  useEffect(() => {
    if (state === 'offline') {
      setWasOffline(true);
      setShowBack(false);
    } else if (state === 'online' && wasOffline) {
      setWasOffline(false);
      setShowBack(true);
      const timer = window.setTimeout(() => setShowBack(false), 4000);
      return () => window.clearTimeout(timer);
    }
  }, [state, wasOffline]);

  return (
    <div className="connection-region" role="status" aria-live="polite" data-connection={state}>
      {state === 'offline' && <p className="connection connection-offline">{t('live.offline')}</p>}
      {showBack && <p className="connection connection-back">{t('live.back')}</p>}
    </div>
  );
}
