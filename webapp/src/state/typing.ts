// Sending Mattermost's own typing event from Connect's composers, exactly as the web app sends it
// (actions/global_actions.tsx emitLocalUserTypingEvent): the websocket action user_typing with
// {channel_id, parent_id}, at most once per TimeBetweenUserTypingUpdatesMilliseconds for the whole
// page (one timestamp, whatever the conversation), only while EnableUserTypingMessages is 'true'
// and the conversation has fewer members than MaxNotificationsPerChannel. While the websocket is
// down the event is dropped, not queued, and still counts as sent: @mattermost/client's
// WebSocketClient.sendMessage sends only on an open connection.
import {defineMessages, type IntlShape} from 'react-intl';

// The client configuration values typing and presence follow (GET /api/v4/config/client).
export interface LiveConfig {
    EnableUserTypingMessages?: string;
    TimeBetweenUserTypingUpdatesMilliseconds?: string;
    MaxNotificationsPerChannel?: string;
    EnableUserStatuses?: string;
}

// What sends the typing event: the web app's WebSocketClient, or the standalone page's socket.
export interface TypingSocket {
    userTyping: (channelId: string, parentId: string) => void;
}

// utils/utils.tsx stringToNumber: parseInt, 0 for nothing.
function stringToNumber(value: string | undefined): number {
    return value ? parseInt(value, 10) : 0;
}

// Mattermost's default (model/config.go), for a page that has not read the configuration yet.
const defaultTypingUpdatesMs = 5000;

// How long a typing entry lives: the web app ends it after TimeBetweenUserTypingUpdatesMilliseconds.
export function typingExpiryMs(config: LiveConfig): number {
    return stringToNumber(config.TimeBetweenUserTypingUpdatesMilliseconds) || defaultTypingUpdatesMs;
}

export function typingEnabled(config: LiveConfig): boolean {
    return config.EnableUserTypingMessages === 'true';
}

export type TypingEmitter = (socket: TypingSocket, config: LiveConfig, channelId: string, parentId: string, memberCount: number) => boolean;

// One timestamp per page, as the web app keeps one. Returns whether the event went out.
export function createTypingEmitter(now: () => number = () => Date.now()): TypingEmitter {
    let lastSent = 0;
    return (socket, config, channelId, parentId, memberCount) => {
        const t = now();
        if (t - lastSent > stringToNumber(config.TimeBetweenUserTypingUpdatesMilliseconds) &&
            memberCount < stringToNumber(config.MaxNotificationsPerChannel) && typingEnabled(config)) {
            socket.userTyping(channelId, parentId);
            lastSent = t;
            return true;
        }
        return false;
    };
}

export const emitUserTyping = createTypingEmitter();

const messages = defineMessages({
    one: {id: 'connect.typing.one', defaultMessage: '{name} is typing…'},
    two: {id: 'connect.typing.two', defaultMessage: '{first} and {second} are typing…'},
    several: {id: 'connect.typing.several', defaultMessage: 'Several people are typing…'},
});

// "Bob is typing…", "Bob and Carol are typing…", "Several people are typing…"; '' for nobody.
export function typingSentence(intl: IntlShape, names: string[]): string {
    switch (names.length) {
    case 0:
        return '';
    case 1:
        return intl.formatMessage(messages.one, {name: names[0]});
    case 2:
        return intl.formatMessage(messages.two, {first: names[0], second: names[1]});
    default:
        return intl.formatMessage(messages.several);
    }
}
