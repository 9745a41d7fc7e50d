// components/global_header: the bar across the top of every signed-in page (grid area "header"),
// with the account menu, whose "Log Out" signs out without reloading the page.
import React, {useState} from 'react';
import {useSelector, useStore} from 'react-redux';

import {getCurrentUser} from 'mattermost-redux/selectors/entities/users';
import {displayUsername} from 'mattermost-redux/utils/user_utils';

import {emitUserLoggedOutEvent} from '../session';
import type {DevHostState} from '../store';

function AccountMenu() {
    const store = useStore<DevHostState>();
    const user = useSelector(getCurrentUser);
    const [open, setOpen] = useState(false);
    if (!user) {
        return null;
    }
    return (
        <div className='devhost-account'>
            <button
                type='button'
                aria-haspopup='menu'
                aria-expanded={open}
                onClick={() => setOpen((shown) => !shown)}
            >
                <span data-testid='host-user'>{displayUsername(user, 'full_name')}</span>
            </button>
            {open && (
                <ul
                    role='menu'
                    aria-label='Account'
                >
                    <li role='none'>
                        <button
                            type='button'
                            role='menuitem'
                            onClick={() => {
                                setOpen(false);
                                void emitUserLoggedOutEvent(store);
                            }}
                        >
                            {'Log Out'}
                        </button>
                    </li>
                </ul>
            )}
        </div>
    );
}

export function GlobalHeader() {
    return (
        <header id='global-header'>
            <strong>{'Mattermost'}</strong>
            <span className='devhost-note'>{'Connect Chat dev host: a stand-in for the Mattermost web app, built on mattermost-redux'}</span>
            <AccountMenu/>
        </header>
    );
}
