import {describe, expect, it} from 'vitest';

import {englishIntl} from './i18n/intl';
import type {Post} from './types/mattermost';

import {peopleNamedIn, systemMessageText, type NameOf} from './system_message';

const names: Record<string, string> = {alice: 'Alice Archer', bob: 'Bob Baker'};
const nameOf: NameOf = (id, username) => (id === 'me' ? {name: 'you', you: true} : {name: names[id ?? ''] ?? `@${username ?? 'someone'}`, you: false});

function system(type: string, props: Record<string, unknown>, userId = 'alice'): Post {
    return {id: 'p', channel_id: 'c', user_id: userId, create_at: 1, message: 'Mattermost words', type, props};
}

describe('system messages in Connect\'s words', () => {
    it.each([
        [system('system_add_to_channel', {userId: 'alice', username: 'alice', addedUserId: 'bob', addedUsername: 'bob'}), 'Alice Archer added Bob Baker.'],
        [system('system_add_to_channel', {userId: 'me', addedUserId: 'bob'}), 'You added Bob Baker.'],
        [system('system_add_to_channel', {userId: 'alice', addedUserId: 'me'}), 'Alice Archer added you.'],
        [system('system_remove_from_channel', {userId: 'alice', removedUserId: 'gone', removedUsername: 'carol'}), 'Alice Archer removed @carol.'],
        [system('system_remove_from_channel', {removedUserId: 'bob'}), 'Bob Baker was removed.'],
        [system('system_join_channel', {username: 'bob'}, 'bob'), 'Bob Baker joined.'],
        [system('system_leave_channel', {username: 'sysadmin'}, 'admin-id'), '@sysadmin left.'],
        [system('system_displayname_change', {new_displayname: 'Night shift'}), 'Alice Archer renamed the group “Night shift”.'],
        [system('system_header_change', {new_header: 'INC0010001'}), 'Alice Archer changed the header to “INC0010001”.'],
        [system('system_purpose_change', {new_purpose: ''}), 'Alice Archer removed the purpose.'],
    ])('%#: %s', (post, text) => {
        expect(systemMessageText(englishIntl(), post, nameOf)).toBe(text);
    });

    it('keeps Mattermost\'s text for types it has no words for', () => {
        expect(systemMessageText(englishIntl(), system('system_ephemeral', {}), nameOf)).toBeUndefined();
    });

    it('lists the people a message names, to learn their names', () => {
        expect(peopleNamedIn(system('system_add_to_channel', {userId: 'alice', addedUserId: 'bob'}))).toEqual(['alice', 'bob']);
    });
});
