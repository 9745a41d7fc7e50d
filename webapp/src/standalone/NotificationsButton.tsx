import React, {useState} from 'react';

import {canAskForNotifications} from './browser_notifications';

// Asks the browser for notifications once the user wants them; gone once they answered.
export function NotificationsButton() {
    const [asking, setAsking] = useState(canAskForNotifications);
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
            {'Notify me of new messages'}
        </button>
    );
}
