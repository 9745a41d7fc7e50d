import React from 'react';

import {useConnectIntl} from '../../i18n/intl';

import {presenceLabel, usePresence} from './use_presence';

// F-82 The dot on a person's avatar: online, away, do not disturb or offline, in the web app's
// colours, named in words for screen readers and on hover (not by colour alone). Nothing until
// the status is known.
export function PresenceDot({userId, id}: {userId: string; id?: string}) {
    const status = usePresence(userId);
    const intl = useConnectIntl();
    if (!status) {
        return null;
    }
    const label = presenceLabel(intl, status);
    return (
        <span
            id={id}
            className={`cc-presence-badge cc-presence-badge--${status}`}
            role='img'
            aria-label={label}
            title={label}
            data-status={status}
        />
    );
}
