import React from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {SearchIcon} from '../common/icons';

const messages = defineMessages({
    label: {id: 'connect.sidebar.filter.placeholder', defaultMessage: 'Filter conversations'},
});

interface Props {
    query: string;
    onChange: (query: string) => void;
}

export function ConversationFilter({query, onChange}: Props) {
    const intl = useConnectIntl();
    const label = intl.formatMessage(messages.label);
    return (
        <div
            className='cc-filter'
            role='search'
        >
            <label>
                <span className='cc-visually-hidden'>{label}</span>
                <span
                    className='cc-filter-icon'
                    aria-hidden='true'
                >
                    <SearchIcon/>
                </span>
                <input
                    className='cc-input'
                    type='search'
                    placeholder={label}
                    value={query}
                    maxLength={64}
                    onChange={(event) => onChange(event.target.value)}
                    onKeyDown={(event) => {
                        if (event.key === 'Escape' && query) {
                            event.preventDefault();
                            onChange('');
                        }
                    }}
                />
            </label>
        </div>
    );
}
