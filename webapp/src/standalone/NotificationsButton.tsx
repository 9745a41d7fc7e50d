import React, {useState} from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../i18n/intl';

import {canAskForNotifications} from './browser_notifications';

const messages = defineMessages({
    ask: {id: 'connect.workspace.notify_me', defaultMessage: 'Notify me of new messages'},
});

// Asks the browser for notifications once the user wants them; gone once they answered.
export function NotificationsButton() {
    const [asking, setAsking] = useState(canAskForNotifications);
    const intl = useConnectIntl();
    if (!asking) {
        return null;
    }
    return (
        <button
            type='button'
            className='cc-button cc-button--secondary cc-workspace-notify'
            onClick={() => {
                void Notification.requestPermission().finally(() => setAsking(canAskForNotifications()));
            }}
        >
            {intl.formatMessage(messages.ask)}
        </button>
    );
}
