// Who is typing and who is around: short-lived state that Mattermost's own events keep, read the
// way the web app reads them.
//
// Typing follows mattermost-redux's reducers/entities/typing.ts: an entry per conversation (the
// channel id plus the thread's root id, '' for the conversation itself) holding, per person, when
// their last `typing` event arrived. actions/websocket_actions.jsx (handleUserTypingEvent) ends
// each entry TimeBetweenUserTypingUpdatesMilliseconds after it arrived, unless a later event from
// the same person renewed it; their `posted` message ends it at once (handleNewPostEvent).
//
// Presence is what POST /api/v4/users/status/ids answered, and the status_change events.
import type {ConnectAction} from './actions';

// By conversation key, then by user id: when their last typing event arrived (ms).
export type TypingState = Record<string, Record<string, number> | undefined>;

// By user id: online, away, dnd, offline (or whatever else the server says).
export type PresenceState = Record<string, string | undefined>;

export interface LiveState {
    typing: TypingState;
    presence: PresenceState;
}

export const initialLiveState: LiveState = {typing: {}, presence: {}};

// The key of a conversation's (or one of its threads') typing entry, as the web app builds it.
export function typingKey(channelId: string, parentId = ''): string {
    return channelId + parentId;
}

function typingReducer(state: TypingState, action: ConnectAction): TypingState {
    switch (action.type) {
    case 'connect/typing-started': {
        const {key, userId, at} = action;
        return {...state, [key]: {...state[key], [userId]: at}};
    }
    case 'connect/typing-stopped': {
        const {key, userId, at} = action;
        const entry = state[key];
        const since = entry?.[userId];

        // A later event from the same person (after the one this stop was set for) renews it.
        if (!entry || since === undefined || since > at) {
            return state;
        }
        const rest = {...entry};
        delete rest[userId];
        const next = {...state};
        if (Object.keys(rest).length === 0) {
            delete next[key];
        } else {
            next[key] = rest;
        }
        return next;
    }
    default:
        return state;
    }
}

function presenceReducer(state: PresenceState, action: ConnectAction): PresenceState {
    if (action.type !== 'connect/statuses-received') {
        return state;
    }
    const changed = Object.entries(action.statuses).filter(([userId, status]) => state[userId] !== status);
    return changed.length === 0 ? state : {...state, ...Object.fromEntries(changed)};
}

export function liveReducer(state: LiveState, action: ConnectAction): LiveState {
    const typing = typingReducer(state.typing, action);
    const presence = presenceReducer(state.presence, action);
    return typing === state.typing && presence === state.presence ? state : {typing, presence};
}
