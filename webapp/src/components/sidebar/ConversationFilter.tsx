import React from 'react';

import {SearchIcon} from '../common/icons';

interface Props {
    query: string;
    onChange: (query: string) => void;
}

export function ConversationFilter({query, onChange}: Props) {
    return (
        <div
            className='cc-filter'
            role='search'
        >
            <label>
                <span className='cc-visually-hidden'>{'Filter conversations'}</span>
                <span
                    className='cc-filter-icon'
                    aria-hidden='true'
                >
                    <SearchIcon/>
                </span>
                <input
                    className='cc-input'
                    type='search'
                    placeholder='Filter conversations'
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
