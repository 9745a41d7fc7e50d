import React, {useEffect, useRef} from 'react';
import {defineMessages} from 'react-intl';
import {useSelector} from 'react-redux';

import {useConnectIntl} from '../../../i18n/intl';
import {displayName} from '../../../display_name';
import {usersReceived} from '../../../state/actions';
import {authorName, selectConnect, selectUser} from '../../../state/selectors';
import type {ConnectRootState} from '../../../state/types';
import {useConnectDeps} from '../../connect_context';

const messages = defineMessages({
    someone: {id: 'connect.people.someone', defaultMessage: 'Someone'},
});

// A person's name from Connect's state; "Someone" until the plugin knows them.
export function PersonName({userId}: {userId: string | undefined}) {
    const name = useSelector((state: ConnectRootState) => (userId ? authorName(selectUser(state, userId)) : undefined));
    const intl = useConnectIntl();
    return <>{name ?? intl.formatMessage(messages.someone)}</>;
}

// Asks once for the people among userIds whom Connect's state does not name yet (people who left
// the conversation), so that PersonName can name them.
export function useLearnPeople(userIds: string[]): void {
    const deps = useConnectDeps();
    const asked = useRef(new Set<string>());
    const key = [...new Set(userIds.filter(Boolean))].sort().join(',');

    useEffect(() => {
        const known = selectConnect(deps.getState()).users;
        const unknown = (key ? key.split(',') : []).filter((id) => !known[id] && !asked.current.has(id));
        if (unknown.length === 0) {
            return;
        }
        for (const id of unknown) {
            asked.current.add(id);
        }
        deps.client.getUsersByIds(unknown).then(
            (users) => deps.dispatch(usersReceived(users.map((user) => ({id: user.id, username: user.username, display_name: displayName(user)})))),
            () => {
                // They stay "Someone"; nothing else depends on it.
            },
        );
    }, [deps, key]);
}
