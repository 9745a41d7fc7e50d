import {defineMessages, type IntlShape} from 'react-intl';

import type {Post} from './types/mattermost';

// A person a system message names: the reader ("you", whose sentences many languages build
// differently), else their full name when known, else the @username Mattermost put in the props.
export interface NamedPerson {
    name: string;
    you: boolean;
}

export type NameOf = (userId: string | undefined, username?: string) => NamedPerson;

// Each sentence picks its form by who is "you": select arguments are 'yes' or 'no'.
const messages = defineMessages({
    added: {id: 'connect.system.added', defaultMessage: '{actorIsYou, select, yes {You added {added}.} other {{addedIsYou, select, yes {{actor} added you.} other {{actor} added {added}.}}}}'},
    removed: {id: 'connect.system.removed', defaultMessage: '{actorIsYou, select, yes {You removed {removed}.} other {{removedIsYou, select, yes {{actor} removed you.} other {{actor} removed {removed}.}}}}'},
    wasRemoved: {id: 'connect.system.was_removed', defaultMessage: '{removedIsYou, select, yes {You were removed.} other {{removed} was removed.}}'},
    joined: {id: 'connect.system.joined', defaultMessage: '{actorIsYou, select, yes {You joined.} other {{actor} joined.}}'},
    left: {id: 'connect.system.left', defaultMessage: '{actorIsYou, select, yes {You left.} other {{actor} left.}}'},
    renamed: {id: 'connect.system.renamed', defaultMessage: '{actorIsYou, select, yes {You renamed the group “{name}”.} other {{actor} renamed the group “{name}”.}}'},
    headerChanged: {id: 'connect.system.header_changed', defaultMessage: '{actorIsYou, select, yes {You changed the header to “{value}”.} other {{actor} changed the header to “{value}”.}}'},
    headerRemoved: {id: 'connect.system.header_removed', defaultMessage: '{actorIsYou, select, yes {You removed the header.} other {{actor} removed the header.}}'},
    purposeChanged: {id: 'connect.system.purpose_changed', defaultMessage: '{actorIsYou, select, yes {You changed the purpose to “{value}”.} other {{actor} changed the purpose to “{value}”.}}'},
    purposeRemoved: {id: 'connect.system.purpose_removed', defaultMessage: '{actorIsYou, select, yes {You removed the purpose.} other {{actor} removed the purpose.}}'},
});

function prop(post: Post, key: string): string | undefined {
    const value = post.props?.[key];
    return typeof value === 'string' && value ? value : undefined;
}

function yes(person: NamedPerson): 'yes' | 'no' {
    return person.you ? 'yes' : 'no';
}

// The ids of the people a system message names besides its author, for learning their names.
export function peopleNamedIn(post: Post): string[] {
    return ['userId', 'addedUserId', 'removedUserId'].map((key) => prop(post, key)).filter((id): id is string => Boolean(id));
}

// What a system message says, in Connect's words ("Alice Archer added Bob Baker."); undefined
// for a type Connect has no words for, which keeps Mattermost's own text.
export function systemMessageText(intl: IntlShape, post: Post, nameOf: NameOf): string | undefined {
    const actorPerson = nameOf(prop(post, 'userId') ?? post.user_id, prop(post, 'username'));
    const actor = {actor: actorPerson.name, actorIsYou: yes(actorPerson)};
    switch (post.type) {
    case 'system_add_to_channel': {
        const added = nameOf(prop(post, 'addedUserId'), prop(post, 'addedUsername'));
        return intl.formatMessage(messages.added, {...actor, added: added.name, addedIsYou: yes(added)});
    }
    case 'system_remove_from_channel': {
        const removed = nameOf(prop(post, 'removedUserId'), prop(post, 'removedUsername'));
        const values = {removed: removed.name, removedIsYou: yes(removed)};
        return prop(post, 'userId') ? intl.formatMessage(messages.removed, {...actor, ...values}) : intl.formatMessage(messages.wasRemoved, values);
    }
    case 'system_join_channel':
        return intl.formatMessage(messages.joined, actor);
    case 'system_leave_channel':
        return intl.formatMessage(messages.left, actor);
    case 'system_displayname_change':
        return intl.formatMessage(messages.renamed, {...actor, name: prop(post, 'new_displayname') ?? ''});
    case 'system_header_change': {
        const value = prop(post, 'new_header');
        return value ? intl.formatMessage(messages.headerChanged, {...actor, value}) : intl.formatMessage(messages.headerRemoved, actor);
    }
    case 'system_purpose_change': {
        const value = prop(post, 'new_purpose');
        return value ? intl.formatMessage(messages.purposeChanged, {...actor, value}) : intl.formatMessage(messages.purposeRemoved, actor);
    }
    default:
        return undefined;
    }
}
