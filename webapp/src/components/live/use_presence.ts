import {useEffect} from 'react';
import {useSelector} from 'react-redux';

import {selectConnect} from '../../state/selectors';
import type {ConnectRootState} from '../../state/types';
import type {PresenceStatus} from '../../types/workspace';
import {useConnectEnvironment} from '../connect_context';

const presenceLabels: Record<PresenceStatus, string> = {
    online: 'Online',
    away: 'Away',
    dnd: 'Do not disturb',
    offline: 'Offline',
};

export function isPresenceStatus(status: string | undefined): status is PresenceStatus {
    return status !== undefined && status in presenceLabels;
}

// The web app's words for each status (components/status_icon, its aria-labels).
export function presenceLabel(status: PresenceStatus): string {
    return presenceLabels[status];
}

interface HostStatuses {
    entities?: {users?: {statuses?: Record<string, string | undefined>}};
}

// What Connect last read (at most a minute old while shown); until then, inside the web app, the
// status its store holds (state/presence.ts says why not the other way round).
export function selectPresence(state: ConnectRootState, userId: string): string | undefined {
    return selectConnect(state).live.presence[userId] ?? (state as HostStatuses).entities?.users?.statuses?.[userId];
}

// The person's presence, kept current while the caller is shown (state/presence.ts). Undefined
// until known, and always where the server has presence turned off.
export function usePresence(userId: string | undefined): PresenceStatus | undefined {
    const {presence, liveConfig} = useConnectEnvironment();
    useEffect(() => (userId && presence ? presence.watch([userId]) : undefined), [presence, userId]);
    const status = useSelector((state: ConnectRootState) => (userId ? selectPresence(state, userId) : undefined));
    const enabled = liveConfig?.().EnableUserStatuses !== 'false';
    return enabled && isPresenceStatus(status) ? status : undefined;
}
