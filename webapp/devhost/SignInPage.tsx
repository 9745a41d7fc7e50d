import React, {useState, type FormEvent} from 'react';

import {HostHeader} from './HostHeader';
import {signIn, signInTarget} from './session';

interface Props {
    siteURL: string;

    // The page's query string, which may carry redirect_to.
    search: string;
}

// Shown instead of the app while nobody is signed in, like the web app's login page.
export function SignInPage({siteURL, search}: Props) {
    const [loginId, setLoginId] = useState('');
    const [password, setPassword] = useState('');
    const [failure, setFailure] = useState<string | null>(null);
    const [submitting, setSubmitting] = useState(false);

    const onSubmit = async (event: FormEvent) => {
        event.preventDefault();
        setSubmitting(true);
        setFailure(null);
        const result = await signIn(siteURL, {loginId, password});
        if (result.ok) {
            window.location.assign(signInTarget(search));
            return;
        }
        setFailure(result.message);
        setPassword('');
        setSubmitting(false);
    };

    return (
        <div className='host-page'>
            <HostHeader/>
            <main className='host-sign-in'>
                <form
                    aria-labelledby='host-sign-in-title'
                    onSubmit={(event) => void onSubmit(event)}
                >
                    <h1 id='host-sign-in-title'>{'Sign in'}</h1>
                    {failure && <p role='alert'>{failure}</p>}
                    <label>
                        {'Email or username'}
                        <input
                            name='login_id'
                            autoComplete='username'
                            autoFocus={true}
                            required={true}
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
                            required={true}
                            value={password}
                            onChange={(event) => setPassword(event.target.value)}
                        />
                    </label>
                    <button
                        type='submit'
                        disabled={submitting}
                    >
                        {'Sign in'}
                    </button>
                </form>
            </main>
        </div>
    );
}
