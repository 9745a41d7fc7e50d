import React, {useEffect, useId, useRef, useState, type KeyboardEvent} from 'react';
import {defineMessages} from 'react-intl';

import {commonMessages} from '../../i18n/common_messages';
import {useConnectIntl} from '../../i18n/intl';
import {errorMessage} from '../../error_message';
import type {SwarmPerson, SwarmPlan} from '../../types/swarm';
import {Alert} from '../common/Alert';
import {useConnectDeps} from '../connect_context';

import {openRecordConversation} from './open_record_conversation';

export interface SwarmRecordRef {
    table: string;
    number: string;
    sys_id: string;
}

const messages = defineMessages({
    already: {id: 'connect.swarm.already', defaultMessage: 'already in the conversation'},
    title: {id: 'connect.swarm.title', defaultMessage: 'Bring in the team of {number}'},
    reading: {id: 'connect.swarm.reading', defaultMessage: 'Reading the record’s people…'},
    nobody: {id: 'connect.swarm.nobody', defaultMessage: 'The record has no assignee and no assignment group members.'},
    people: {id: 'connect.swarm.people', defaultMessage: 'People'},
    bringingIn: {id: 'connect.swarm.bringing_in', defaultMessage: 'Bringing in…'},
    bringIn: {id: 'connect.swarm.bring_in', defaultMessage: 'Bring in'},
});

interface Props {
    record: SwarmRecordRef;
    onClose: () => void;
}


function personLabel(person: SwarmPerson): string {
    const name = person.display_name || person.username || person.email;
    return person.username ? `${name} (@${person.username})` : name;
}

// Bring in the team: the record's assignee and assignment group as the plan says, the ones who
// can be added ticked; those who cannot are shown greyed with the reason. Bring in adds the ticked
// ones (and the user) to the record conversation and opens it. Escape or Cancel closes.
export function SwarmDialog({record, onClose}: Props) {
    const deps = useConnectDeps();
    const intl = useConnectIntl();
    const titleId = useId();
    const [plan, setPlan] = useState<SwarmPlan | null>(null);
    const [chosen, setChosen] = useState<Set<string>>(new Set());
    const [failure, setFailure] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);
    const dialogRef = useRef<HTMLDivElement>(null);

    useEffect(() => {
        let current = true;
        deps.client.getSwarmPlan(record.table, record.sys_id).then(
            (answer) => {
                if (current) {
                    setPlan(answer);
                    setChosen(new Set((answer.people ?? []).filter((p) => p.status === 'add' && p.user_id).map((p) => p.user_id)));
                }
            },
            (error: unknown) => current && setFailure(errorMessage(error)),
        );
        return () => {
            current = false;
        };
    }, [deps, record.table, record.sys_id]);

    useEffect(() => dialogRef.current?.focus(), []);

    const toggle = (id: string) => setChosen((before) => {
        const next = new Set(before);
        if (next.has(id)) {
            next.delete(id);
        } else {
            next.add(id);
        }
        return next;
    });

    const bringIn = async () => {
        setBusy(true);
        setFailure(null);
        try {
            const result = await deps.client.bringInTeam(record.table, record.sys_id, [...chosen]);
            onClose();
            await openRecordConversation(deps, result.conversation_id);
        } catch (error) {
            setFailure(errorMessage(error));
        } finally {
            setBusy(false);
        }
    };

    // Escape closes; Tab stays within the dialog, as in a modal.
    const onKeyDown = (event: KeyboardEvent) => {
        if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
            return;
        }
        const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>('input:not(:disabled), button:not(:disabled)') ?? [])];
        if (event.key !== 'Tab' || focusable.length === 0) {
            return;
        }
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (event.shiftKey && (document.activeElement === first || document.activeElement === dialogRef.current)) {
            event.preventDefault();
            last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first.focus();
        }
    };

    const people = plan?.people ?? [];
    return (
        <div
            className='cc-switcher-backdrop'
            onClick={(event) => event.target === event.currentTarget && onClose()}
        >
            <div
                ref={dialogRef}
                className='cc-swarm'
                role='dialog'
                aria-modal='true'
                aria-labelledby={titleId}
                tabIndex={-1}
                onKeyDown={onKeyDown}
            >
                <h2
                    id={titleId}
                    className='cc-swarm-title'
                >
                    {intl.formatMessage(messages.title, {number: record.number})}
                </h2>
                {plan && (
                    <p className='cc-swarm-record'>
                        {plan.record.short_description}
                        {plan.record.assignment_group ? ` · ${plan.record.assignment_group}` : ''}
                    </p>
                )}
                {!plan && !failure && <p className='cc-status'>{intl.formatMessage(messages.reading)}</p>}
                {plan && people.length === 0 && <p className='cc-status'>{intl.formatMessage(messages.nobody)}</p>}
                {people.length > 0 && (
                    <ul
                        className='cc-swarm-people'
                        aria-label={intl.formatMessage(messages.people)}
                    >
                        {people.map((person, index) => {
                            const addable = person.status === 'add' && Boolean(person.user_id);
                            const reason = person.status === 'add' ? '' : person.reason || (person.status === 'already' ? intl.formatMessage(messages.already) : '');
                            const inputId = `${titleId}-${index}`;
                            return (
                                <li
                                    key={`${person.user_id || person.email}-${index}`}
                                    className={addable ? 'cc-swarm-person' : 'cc-swarm-person cc-swarm-person--unavailable'}
                                >
                                    <input
                                        id={inputId}
                                        type='checkbox'
                                        checked={addable ? chosen.has(person.user_id) : person.status === 'already'}
                                        disabled={!addable || busy}
                                        onChange={() => toggle(person.user_id)}
                                    />
                                    <label htmlFor={inputId}>
                                        <span className='cc-swarm-name'>{personLabel(person)}</span>
                                        <span className='cc-swarm-role'>{` · ${person.role}`}</span>
                                        {reason && <span className='cc-swarm-reason'>{` — ${reason}`}</span>}
                                    </label>
                                </li>
                            );
                        })}
                    </ul>
                )}
                <Alert message={failure}/>
                <div className='cc-swarm-actions'>
                    <button
                        type='button'
                        className='cc-button cc-button--secondary'
                        onClick={onClose}
                    >
                        {intl.formatMessage(commonMessages.cancel)}
                    </button>
                    <button
                        type='button'
                        className='cc-button'
                        disabled={!plan || busy}
                        onClick={() => void bringIn()}
                    >
                        {intl.formatMessage(busy ? messages.bringingIn : messages.bringIn)}
                    </button>
                </div>
            </div>
        </div>
    );
}
