import {useEffect, useState} from 'react';

import type {ConnectAPI} from '../../../client';
import {errorMessage} from '../../../error_message';
import type {PresenceStatus} from '../../../types/workspace';

// How often the Members tab reads presence again while it is shown.
export const presenceRefreshMs = 60_000;

const presenceLabels: Record<PresenceStatus, string> = {
    online: 'Online',
    away: 'Away',
    offline: 'Offline',
    dnd: 'Do not disturb',
};

export function isPresenceStatus(status: string | undefined): status is PresenceStatus {
    return status !== undefined && status in presenceLabels;
}

export function presenceLabel(status: PresenceStatus): string {
    return presenceLabels[status];
}

export interface Presence {
    // By user id, as Mattermost last said.
    statuses: Record<string, string>;

    // The last reading failed (the statuses shown are the previous ones, if any).
    error: string | null;
}

// Mattermost's presence of these people, read now and every presenceRefreshMs while the caller
// is shown (not while the page is in the background). Presence lives here, in the component's
// state: Connect's websocket handlers do not follow status_change.
export function usePresence(client: ConnectAPI, userIds: string[], refreshMs = presenceRefreshMs): Presence {
    const key = [...new Set(userIds)].sort().join(',');
    const [presence, setPresence] = useState<Presence>({statuses: {}, error: null});

    useEffect(() => {
        const ids = key ? key.split(',') : [];
        if (ids.length === 0) {
            return undefined;
        }
        let live = true;
        const read = () => {
            client.getStatuses(ids).then(
                (answer) => {
                    if (live) {
                        const statuses: Record<string, string> = {};
                        for (const status of Array.isArray(answer) ? answer : []) {
                            statuses[status.user_id] = status.status;
                        }
                        setPresence({statuses, error: null});
                    }
                },
                (error: unknown) => live && setPresence((current) => ({statuses: current.statuses, error: errorMessage(error)})),
            );
        };
        read();
        const timer = setInterval(() => {
            if (document.visibilityState !== 'hidden') {
                read();
            }
        }, refreshMs);
        return () => {
            live = false;
            clearInterval(timer);
        };
    }, [client, key, refreshMs]);

    return presence;
}
