// components/login/login.tsx: signs in with Client4 and mattermost-redux (RECEIVED_ME), then
// pushes the next path (redirect_to, else the default team) without reloading the page. Someone
// already signed in who lands here is sent on at once.
import React, {useEffect, useState, type FormEvent} from 'react';
import {useDispatch, useStore} from 'react-redux';

import {getCurrentUser} from 'mattermost-redux/selectors/entities/users';

import {useLocation} from '../routing/history';
import {finishSignin, login} from '../session';
import {setHostStatus} from '../status';
import type {DevHostState} from '../store';

// The texts login.tsx shows for the server's error ids; any other error shows the server's message.
const errorTexts: Record<string, string> = {
    'api.user.login.invalid_credentials_email_username': 'The email/username or password is invalid.',
    'store.sql_user.get_for_login.app_error': 'We couldn\'t find an account matching your login credentials.',
    'ent.ldap.do_login.user_not_registered.app_error': 'We couldn\'t find an account matching your login credentials.',
    'api.user.check_user_password.invalid.app_error': 'Your password is incorrect.',
    'ent.ldap.do_login.invalid_password.app_error': 'Your password is incorrect.',
};

export function loginErrorText(error: {server_error_id?: string; message: string}): string {
    return (error.server_error_id && errorTexts[error.server_error_id]) || error.message;
}

export function LoginPage() {
    const store = useStore<DevHostState>();
    const dispatch = useDispatch();
    const {search} = useLocation();
    const [loginId, setLoginId] = useState('');
    const [password, setPassword] = useState('');
    const [failure, setFailure] = useState<string | null>(null);
    const [waiting, setWaiting] = useState(false);

    // On mount only, as the login page's own effect: someone signed in goes on.
    useEffect(() => {
        if (getCurrentUser(store.getState())) {
            finishSignin(store, search);
            return;
        }
        setHostStatus('signed-out');

    // eslint-disable-next-line react-hooks/exhaustive-deps
    }, []);

    const onSubmit = async (event: FormEvent) => {
        event.preventDefault();
        setWaiting(true);
        setFailure(null);
        setHostStatus('loading');
        const result = await login(dispatch, loginId.trim().toLowerCase(), password);
        if ('error' in result) {
            setFailure(loginErrorText(result.error));
            setPassword('');
            setWaiting(false);
            setHostStatus('signed-out');
            return;
        }
        finishSignin(store, search);
    };

    return (
        <div className='devhost-login'>
            <form
                aria-labelledby='devhost-login-title'
                onSubmit={(event) => void onSubmit(event)}
            >
                <h1 id='devhost-login-title'>{'Log in to your account'}</h1>
                {failure && <p role='alert'>{failure}</p>}
                <label>
                    {'Email or Username'}
                    <input
                        name='loginId'
                        autoComplete='username'
                        autoFocus={true}
                        value={loginId}
                        onChange={(event) => setLoginId(event.target.value)}
                    />
                </label>
                <label>
                    {'Password'}
                    <input
                        name='password'
                        type='password'
                        autoComplete='current-password'
                        value={password}
                        onChange={(event) => setPassword(event.target.value)}
                    />
                </label>
                <button
                    type='submit'
                    disabled={waiting}
                >
                    {'Log in'}
                </button>
            </form>
        </div>
    );
}
