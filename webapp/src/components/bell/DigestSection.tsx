import React, {useId} from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import type {Conversation} from '../../types/connect';
import {Alert} from '../common/Alert';

import {intervalChoices, intervalLabel} from './digest_intervals';
import {useDigest} from './use_digest';

const messages = defineMessages({
    legend: {id: 'connect.digest.legend', defaultMessage: 'Email digest'},
    enable: {id: 'connect.digest.enable', defaultMessage: 'Email me a digest of unread messages'},
    every: {id: 'connect.digest.every', defaultMessage: 'Every'},
    include: {id: 'connect.digest.include', defaultMessage: 'Include this conversation'},
});

// F-53: the opt-in email digest, in the bell: on or off and how often (for all conversations),
// and whether this conversation is in it.
export function DigestSection({conversation}: {conversation: Conversation}) {
    const {settings, inclusion, failure, saving, change, include} = useDigest(conversation.id);
    const intervalId = useId();
    const intl = useConnectIntl();

    if (!settings || !inclusion) {
        return <Alert message={failure}/>;
    }
    return (
        <fieldset
            className='cc-bell-channel cc-bell-digest'
            aria-busy={saving}
        >
            <legend>{intl.formatMessage(messages.legend)}</legend>
            <Alert message={failure}/>
            <label className='cc-bell-option'>
                <input
                    type='checkbox'
                    checked={settings.enabled}
                    disabled={!settings.allowed && !settings.enabled}
                    onChange={(event) => void change({enabled: event.target.checked})}
                />
                {intl.formatMessage(messages.enable)}
            </label>
            {settings.enabled && (
                <div className='cc-bell-option'>
                    <label htmlFor={intervalId}>{intl.formatMessage(messages.every)}</label>
                    <select
                        id={intervalId}
                        className='cc-bell-interval'
                        value={settings.interval_minutes}
                        onChange={(event) => void change({interval_minutes: Number(event.target.value)})}
                    >
                        {intervalChoices(settings.min_minutes, settings.max_minutes, settings.interval_minutes).map((minutes) => (
                            <option
                                key={minutes}
                                value={minutes}
                            >
                                {intervalLabel(intl, minutes)}
                            </option>
                        ))}
                    </select>
                </div>
            )}
            <label className='cc-bell-option'>
                <input
                    type='checkbox'
                    checked={inclusion.included}
                    disabled={!settings.enabled || Boolean(inclusion.reason)}
                    onChange={(event) => void include(event.target.checked)}
                />
                {intl.formatMessage(messages.include)}
            </label>
            {inclusion.reason && <p className='cc-bell-hint'>{inclusion.reason}</p>}
            {settings.problem && <p className='cc-bell-hint cc-bell-problem'>{settings.problem}</p>}
        </fieldset>
    );
}
