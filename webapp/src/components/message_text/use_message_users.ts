import {useCallback} from 'react';
import {useSelector} from 'react-redux';

import {selectConnect, selectUser} from '../../state/selectors';
import type {ConnectRootState} from '../../state/types';
import type {Member} from '../../types/connect';
import {useConnectEnvironment} from '../connect_context';
import {emojiStoreFor, useCustomEmoji} from '../emoji/emoji_store';

import type {MessageTextProps} from './MessageText';

type Users = Record<string, Member | undefined>;

// Username (lower case) to display name, made once for each version of the known users.
const namesByUsers = new WeakMap<Users, Map<string, string>>();

function displayNames(users: Users): Map<string, string> {
    let names = namesByUsers.get(users);
    if (!names) {
        names = new Map();
        for (const user of Object.values(users)) {
            if (user?.username) {
                names.set(user.username.toLowerCase(), user.display_name || `@${user.username}`);
            }
        }
        namesByUsers.set(users, names);
    }
    return names;
}

// What MessageText needs to know about people, from Connect's state: the signed-in user's
// username and the names of the people Connect knows; and the server's custom emoji, read once a
// text names an emoji that is not a standard one.
export function useMessageTextUsers(): Pick<MessageTextProps, 'currentUsername' | 'displayNameOf' | 'customEmojiURL' | 'onUnknownEmoji'> {
    const {client, currentUserId} = useConnectEnvironment();
    const currentUsername = useSelector((state: ConnectRootState) => selectUser(state, currentUserId)?.username) ?? '';
    const users = useSelector((state: ConnectRootState) => selectConnect(state).users);
    const displayNameOf = useCallback((username: string) => displayNames(users).get(username.toLowerCase()), [users]);
    const customEmojiURL = useCustomEmoji(false);
    const onUnknownEmoji = useCallback(() => {
        void emojiStoreFor(client, currentUserId).loadOnce();
    }, [client, currentUserId]);
    return {currentUsername, displayNameOf, customEmojiURL, onUnknownEmoji};
}
