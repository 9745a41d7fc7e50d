import React, {useEffect, useState} from 'react';
import {defineMessages} from 'react-intl';

import {ClientError, type ConnectAPI} from '../client';
import {Alert} from '../components/common/Alert';
import {ConnectProvider, type ConnectEnvironment} from '../components/connect_context';
import {displayName} from '../display_name';
import {conversationInAddress, keepInAddress} from '../components/workspace/address';
import {Workspace} from '../components/workspace/Workspace';
import {errorMessage} from '../error_message';
import {ConnectIntlProvider, useConnectIntl} from '../i18n/intl';
import type {UserProfile} from '../types/user';

import {NotificationsButton} from './NotificationsButton';

const messages = defineMessages({
    title: {id: 'connect.workspace.title', defaultMessage: 'Connect Workspace'},
    loading: {id: 'connect.workspace.loading', defaultMessage: 'Loading…'},
    failed: {id: 'connect.workspace.load_failed', defaultMessage: 'Connect Workspace could not load: {reason}'},
});

type LoadState =
    | {kind: 'loading'}
    | {kind: 'signed-in'; user: UserProfile; environment: ConnectEnvironment}
    | {kind: 'failed'; message: string};

// Starts Connect's state for the signed-in user; stop ends what it started.
export type StartConnect = (user: UserProfile) => {environment: ConnectEnvironment; stop: () => void};

interface Props {
    client: ConnectAPI;

    // Called when the session is missing or expired.
    onUnauthorized: () => void;

    startConnect: StartConnect;
}

function useSignedInUser({client, onUnauthorized, startConnect}: Props): LoadState {
    const [state, setState] = useState<LoadState>({kind: 'loading'});

    useEffect(() => {
        let active = true;
        let stopConnect: (() => void) | undefined;
        client.getCurrentUser().then(
            (user) => {
                if (active) {
                    const started = startConnect(user);
                    stopConnect = started.stop;
                    setState({kind: 'signed-in', user, environment: started.environment});
                }
            },
            (error: unknown) => {
                if (!active) {
                    return;
                }
                if (error instanceof ClientError && error.isUnauthorized) {
                    onUnauthorized();
                    return;
                }
                setState({kind: 'failed', message: errorMessage(error)});
            },
        );
        return () => {
            active = false;
            stopConnect?.();
        };
    }, [client, onUnauthorized, startConnect]);

    return state;
}

// The page speaks the signed-in user's Mattermost language, English until they are known.
export function WorkspaceApp(props: Props) {
    const state = useSignedInUser(props);
    return (
        <ConnectIntlProvider locale={state.kind === 'signed-in' ? state.user.locale : undefined}>
            <WorkspacePage state={state}/>
        </ConnectIntlProvider>
    );
}

function WorkspacePage({state}: {state: LoadState}) {
    const intl = useConnectIntl();
    const page = (
        <div className='cc-workspace'>
            <header className='cc-workspace-header'>
                <h1 className='cc-workspace-title'>{intl.formatMessage(messages.title)}</h1>
                {state.kind === 'signed-in' && <NotificationsButton/>}
                {state.kind === 'signed-in' && (
                    <span
                        data-testid='workspace-user'
                        className='cc-workspace-user'
                    >
                        {displayName(state.user)}
                    </span>
                )}
            </header>
            <main className='cc-workspace-main'>
                <WorkspaceBody state={state}/>
            </main>
        </div>
    );
    return state.kind === 'signed-in' ? <ConnectProvider value={state.environment}>{page}</ConnectProvider> : page;
}

function WorkspaceBody({state}: {state: LoadState}) {
    const intl = useConnectIntl();
    switch (state.kind) {
    case 'loading':
        return <p className='cc-workspace-message'>{intl.formatMessage(messages.loading)}</p>;
    case 'failed':
        return (
            <Alert
                message={intl.formatMessage(messages.failed, {reason: state.message})}
                className='cc-workspace-message'
                look='text'
            />
        );
    case 'signed-in':
        return (
            <Workspace
                initialConversationId={conversationInAddress()}
                onSelect={keepInAddress}
            />
        );
    }
}
