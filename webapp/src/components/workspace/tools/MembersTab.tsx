import React, {useState} from 'react';
import {defineMessages} from 'react-intl';
import {useSelector} from 'react-redux';

import {useConnectIntl} from '../../../i18n/intl';
import {errorMessage} from '../../../error_message';
import {addPeople, removeFromGroup} from '../../../state/operations';
import {memberName, selectConversation} from '../../../state/selectors';
import type {ConnectRootState} from '../../../state/types';
import type {Conversation, Member, StaffPerson} from '../../../types/connect';
import {Alert} from '../../common/Alert';
import {ConversationAvatar} from '../../common/Avatar';
import {AddPeopleIcon} from '../../common/icons';
import {useConnectDeps, useConnectEnvironment} from '../../connect_context';
import {RemoveMemberButton} from '../../mini_windows/MembersPanel';
import {AddPeoplePicker} from '../../people_picker/AddPeoplePicker';

import {presenceLabel, usePresence} from '../../live/use_presence';

// A person's picture, drawn by the conversations' avatar (their initials when it fails to load).
function MemberAvatar({conversation, member, siteURL}: {conversation: Conversation; member: Member; siteURL: string}) {
    const person: Conversation = {...conversation, name: memberName(member), avatar_url: `/api/v4/users/${encodeURIComponent(member.id)}/image`};
    return (
        <ConversationAvatar
            conversation={person}
            siteURL={siteURL}
            size='small'
            presenceOf={member.id}
        />
    );
}

function PresenceLabel({userId}: {userId: string}) {
    const status = usePresence(userId);
    const intl = useConnectIntl();
    if (!status) {
        return null;
    }
    return (
        <span className={`cc-presence cc-presence--${status}`}>
            <span
                className='cc-presence-dot'
                aria-hidden='true'
            />
            {presenceLabel(intl, status)}
        </span>
    );
}

const messages = defineMessages({
    count: {id: 'connect.tools.members.count', defaultMessage: '{count, plural, one {# person} other {# people}}'},
    add: {id: 'connect.tools.members.add', defaultMessage: 'Add people'},
    list: {id: 'connect.tools.members.list', defaultMessage: 'Members'},
    you: {id: 'connect.tools.members.you', defaultMessage: ' (you)'},
});

// F-31 Members: everyone in the conversation with their presence. In a group Connect manages,
// people can be added (staff only, through the people picker) and removed, and you can leave.
export function MembersTab({conversation: given}: {conversation: Conversation}) {
    const deps = useConnectDeps();
    const intl = useConnectIntl();
    const {siteURL, currentUserId} = useConnectEnvironment();

    // The store's copy follows adds and removals at once; the given one stands in until it has it.
    const conversation = useSelector((state: ConnectRootState) => selectConversation(state, given.id)) ?? given;
    const {id} = conversation;
    const manageable = conversation.kind === 'group' && conversation.managed;
    const you = conversation.members.filter((member) => member.id === currentUserId);
    const members = [...you, ...conversation.members.filter((member) => member.id !== currentUserId)];
    const [adding, setAdding] = useState(false);
    const [busyId, setBusyId] = useState<string | null>(null);
    const [failure, setFailure] = useState<string | null>(null);

    const add = async (people: StaffPerson[]) => {
        await addPeople(deps, id, people.map((person) => person.id));
        setAdding(false);
    };

    const remove = async (member: Member) => {
        if (busyId) {
            return;
        }
        setBusyId(member.id);
        setFailure(null);
        try {
            await removeFromGroup(deps, id, member.id);
        } catch (error) {
            setFailure(errorMessage(error));
        } finally {
            setBusyId(null);
        }
    };

    const count = intl.formatMessage(messages.count, {count: members.length});
    return (
        <div className='cc-tools-members'>
            <div className='cc-tools-toolbar'>
                <p className='cc-tools-meta'>{count}</p>
                {manageable && !adding && (
                    <button
                        type='button'
                        className='cc-tools-action'
                        onClick={() => {
                            setFailure(null);
                            setAdding(true);
                        }}
                    >
                        <AddPeopleIcon/>
                        {intl.formatMessage(messages.add)}
                    </button>
                )}
            </div>
            {manageable && adding && (
                <AddPeoplePicker
                    conversation={conversation}
                    onSubmit={add}
                    onCancel={() => setAdding(false)}
                />
            )}
            <Alert message={failure}/>
            <ul
                className='cc-tools-list'
                aria-label={intl.formatMessage(messages.list)}
            >
                {members.map((member) => {
                    const name = memberName(member);
                    const isYou = member.id === currentUserId;
                    return (
                        <li
                            key={member.id}
                            className='cc-tools-member'
                        >
                            <MemberAvatar
                                conversation={conversation}
                                member={member}
                                siteURL={siteURL}
                            />
                            <span className='cc-tools-member-text'>
                                <span className='cc-tools-member-name'>
                                    {name}
                                    {isYou && <span className='cc-tools-meta'>{intl.formatMessage(messages.you)}</span>}
                                </span>
                                <PresenceLabel userId={member.id}/>
                            </span>
                            {manageable && (
                                <RemoveMemberButton
                                    name={name}
                                    isYou={isYou}
                                    disabled={busyId !== null}
                                    onRemove={() => void remove(member)}
                                />
                            )}
                        </li>
                    );
                })}
            </ul>
        </div>
    );
}
