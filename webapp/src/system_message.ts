import type {Post} from './types/mattermost';

// Names a person in a system message: "you" for the reader, their full name when known, else
// the @username Mattermost put in the message's props.
export type NameOf = (userId: string | undefined, username?: string) => string;

function prop(post: Post, key: string): string | undefined {
    const value = post.props?.[key];
    return typeof value === 'string' && value ? value : undefined;
}

function sentence(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// The ids of the people a system message names besides its author, for learning their names.
export function peopleNamedIn(post: Post): string[] {
    return ['userId', 'addedUserId', 'removedUserId'].map((key) => prop(post, key)).filter((id): id is string => Boolean(id));
}

// What a system message says, in Connect's words ("Alice Archer added Bob Baker."); undefined
// for a type Connect has no words for, which keeps Mattermost's own text.
export function systemMessageText(post: Post, nameOf: NameOf): string | undefined {
    const actor = () => nameOf(prop(post, 'userId') ?? post.user_id, prop(post, 'username'));
    switch (post.type) {
    case 'system_add_to_channel':
        return sentence(`${actor()} added ${nameOf(prop(post, 'addedUserId'), prop(post, 'addedUsername'))}.`);
    case 'system_remove_from_channel': {
        const removed = nameOf(prop(post, 'removedUserId'), prop(post, 'removedUsername'));
        return sentence(prop(post, 'userId') ? `${actor()} removed ${removed}.` : `${removed} was removed.`);
    }
    case 'system_join_channel':
        return sentence(`${actor()} joined.`);
    case 'system_leave_channel':
        return sentence(`${actor()} left.`);
    case 'system_displayname_change':
        return sentence(`${actor()} renamed the group “${prop(post, 'new_displayname') ?? ''}”.`);
    case 'system_header_change':
        return changed(actor(), 'header', prop(post, 'new_header'));
    case 'system_purpose_change':
        return changed(actor(), 'purpose', prop(post, 'new_purpose'));
    default:
        return undefined;
    }
}

function changed(actor: string, what: string, value: string | undefined): string {
    return sentence(value ? `${actor} changed the ${what} to “${value}”.` : `${actor} removed the ${what}.`);
}
