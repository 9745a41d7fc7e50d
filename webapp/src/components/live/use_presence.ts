import {useEffect} from 'react';
import {defineMessages, type IntlShape, type MessageDescriptor} from 'react-intl';
import {useSelector} from 'react-redux';

import {selectConnect} from '../../state/selectors';
import type {ConnectRootState} from '../../state/types';
import type {PresenceStatus} from '../../types/workspace';
import {useConnectEnvironment} from '../connect_context';

const presenceLabels = defineMessages({
    online: {id: 'connect.presence.online', defaultMessage: 'Online'},
    away: {id: 'connect.presence.away', defaultMessage: 'Away'},
    dnd: {id: 'connect.presence.dnd', defaultMessage: 'Do not disturb'},
    offline: {id: 'connect.presence.offline', defaultMessage: 'Offline'},
}) satisfies Record<PresenceStatus, MessageDescriptor>;

export function isPresenceStatus(status: string | undefined): status is PresenceStatus {
    return status !== undefined && status in presenceLabels;
}

// The web app's words for each status (components/status_icon, its aria-labels).
export function presenceLabel(intl: IntlShape, status: PresenceStatus): string {
    return intl.formatMessage(presenceLabels[status]);
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
