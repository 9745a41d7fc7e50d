import {useCallback, useContext} from 'react';
import {useSelector} from 'react-redux';

import {useConnectIntl} from '../../i18n/intl';
import {typingKey} from '../../state/live';
import {memberName, selectConnect} from '../../state/selectors';
import {emitUserTyping, typingEnabled, typingSentence} from '../../state/typing';
import type {ConnectRootState} from '../../state/types';
import type {Conversation} from '../../types/connect';
import {useConnectEnvironment} from '../connect_context';

import {HostWebSocketContext} from './host_socket';

// Called on every change to a composer's text: sends Mattermost's typing event for the
// conversation, throttled as the web app throttles it (state/typing.ts). One way to send: the
// page's socket where the page has its own (standalone), the web app's WebSocketClient inside it.
export function useSendTyping(conversation: Conversation, parentId = ''): () => void {
    const {typingSocket, liveConfig} = useConnectEnvironment();
    const hostSocket = useContext(HostWebSocketContext);
    const socket = typingSocket ?? hostSocket;
    const {id, members} = conversation;
    return useCallback(() => {
        if (socket) {
            emitUserTyping(socket, liveConfig?.() ?? {}, id, parentId, members.length);
        }
    }, [socket, liveConfig, id, parentId, members.length]);
}

const noOne: string[] = [];

// The names of the other members typing in the conversation now, in the order they started.
export function useTypingNames(conversation: Conversation): string[] {
    const {currentUserId, liveConfig} = useConnectEnvironment();
    const entry = useSelector((state: ConnectRootState) => selectConnect(state).live.typing[typingKey(conversation.id)]);
    if (!entry || !typingEnabled(liveConfig?.() ?? {})) {
        return noOne;
    }
    return Object.entries(entry)
        .sort(([, a], [, b]) => a - b)
        .map(([userId]) => conversation.members.find((member) => member.id === userId && member.id !== currentUserId))
        .filter((member) => member !== undefined)
        .map(memberName);
}

// The sentence for the conversation's typing line: '' while nobody is typing.
export function useTypingSentence(conversation: Conversation): string {
    const intl = useConnectIntl();
    return typingSentence(intl, useTypingNames(conversation));
}
