import React, {useEffect, useState} from 'react';

import {ClientError, type ConnectClient} from '../client';
import {displayName} from '../display_name';
import type {UserProfile} from '../types/user';

import {workspaceStyles} from './styles';

type LoadState =
    | {kind: 'loading'}
    | {kind: 'signed-in'; user: UserProfile}
    | {kind: 'failed'; message: string};

interface Props {
    client: ConnectClient;

    // Called when the session is missing or expired.
    onUnauthorized: () => void;
}

export function WorkspaceApp({client, onUnauthorized}: Props) {
    const [state, setState] = useState<LoadState>({kind: 'loading'});

    useEffect(() => {
        let active = true;
        client.getCurrentUser().then(
            (user) => {
                if (active) {
                    setState({kind: 'signed-in', user});
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
                setState({kind: 'failed', message: error instanceof Error ? error.message : String(error)});
            },
        );
        return () => {
            active = false;
        };
    }, [client, onUnauthorized]);

    return (
        <div style={workspaceStyles.shell}>
            <header style={workspaceStyles.header}>
                <h1 style={workspaceStyles.title}>{'Connect Workspace'}</h1>
                {state.kind === 'signed-in' && (
                    <span
                        data-testid='workspace-user'
                        style={workspaceStyles.user}
                    >
                        {displayName(state.user)}
                    </span>
                )}
            </header>
            <main style={workspaceStyles.main}>
                <WorkspaceBody state={state}/>
            </main>
        </div>
    );
}

function WorkspaceBody({state}: {state: LoadState}) {
    switch (state.kind) {
    case 'loading':
        return <p style={workspaceStyles.message}>{'Loading…'}</p>;
    case 'failed':
        return (
            <p
                role='alert'
                style={workspaceStyles.message}
            >
                {`Connect Workspace could not load: ${state.message}`}
            </p>
        );
    case 'signed-in':
        return <p style={workspaceStyles.message}>{'No conversations yet.'}</p>;
    }
}
