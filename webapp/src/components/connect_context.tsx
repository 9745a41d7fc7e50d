import React, {createContext, useContext, useMemo, useSyncExternalStore, type ComponentType} from 'react';
import {useStore} from 'react-redux';

import type {ConnectAPI} from '../client';
import {IntlCapture} from '../i18n/intl';
import type {ConnectAction} from '../state/actions';
import type {ConnectDeps} from '../state/operations';
import type {PresenceTracker} from '../state/presence';
import type {LiveConfig, TypingSocket} from '../state/typing';
import type {ConnectRootState} from '../state/types';

// What the Connect components need besides the plugin's state: one signed-in user's. connect_app
// builds it, from the web app's store in the plugin and for the signed-in user on the standalone
// workspace page.
export interface ConnectEnvironment {
    client: ConnectAPI;
    siteURL: string;
    currentUserId: string;

    // Hides the sidebar; absent where there is no sidebar to hide.
    hideSidebar?: () => void;

    // False once the user signed out: answers that arrive later must not change the state that
    // the next user sees. Absent where the user never changes.
    signedIn?: () => boolean;

    // Mattermost's client configuration as the page has it now (typing and presence settings).
    liveConfig?: () => LiveConfig;

    // Sends the typing event on the page's own websocket (the standalone page); inside the web app
    // its WebSocketClient does (components/typing/use_typing.ts).
    typingSocket?: TypingSocket;

    // Keeps the presence of the people on screen current; absent, no one's presence is asked for.
    presence?: PresenceTracker;

    // The user's Mattermost time zone now (i18n/time_zone.ts); absent or undefined, the browser's.
    timeZone?: () => string | undefined;
}

const ConnectContext = createContext<ConnectEnvironment | null>(null);

export const ConnectProvider = ConnectContext.Provider;

export function useConnectEnvironment(): ConnectEnvironment {
    const environment = useContext(ConnectContext);
    if (!environment) {
        throw new Error('Connect components need a ConnectProvider above them.');
    }
    return environment;
}

// The environment where a component may also be drawn outside one (a picture, say).
export function useOptionalConnectEnvironment(): ConnectEnvironment | null {
    return useContext(ConnectContext);
}

// Drops the actions of a user who has signed out.
export function guardedDispatch(dispatch: ConnectDeps['dispatch'], environment: ConnectEnvironment): ConnectDeps['dispatch'] {
    const {signedIn} = environment;
    return signedIn ? (action) => (signedIn() ? dispatch(action) : undefined) : dispatch;
}

// The client plus the store the components run in, for the operations in state/operations.
export function useConnectDeps(): ConnectDeps {
    const environment = useConnectEnvironment();
    const store = useStore<ConnectRootState, ConnectAction>();
    return useMemo(() => ({
        client: environment.client,
        dispatch: guardedDispatch(store.dispatch, environment),
        getState: () => store.getState(),
    }), [environment, store]);
}

interface Session {
    environment: ConnectEnvironment;

    // Tells sessions apart, so that a new one (the same user signing in again, too) starts afresh.
    key: number;
}

// The signed-in user's environment, or none, as it changes on the page.
export interface SignedInEnvironment {
    begin: (environment: ConnectEnvironment) => void;
    end: () => void;

    // A registered component that renders inside the signed-in user's environment, nothing while
    // nobody is signed in, and is mounted afresh for each new user (so no state of the last one,
    // a draft say, stays in it).
    wrap: (Component: ComponentType) => ComponentType;
}

export function createSignedInEnvironment(): SignedInEnvironment {
    let current: Session | null = null;
    let count = 0;
    const listeners = new Set<() => void>();
    const set = (session: Session | null) => {
        current = session;
        listeners.forEach((listener) => listener());
    };
    const subscribe = (listener: () => void) => {
        listeners.add(listener);
        return () => {
            listeners.delete(listener);
        };
    };
    const getCurrent = () => current;

    return {
        begin: (environment) => {
            count += 1;
            set({environment, key: count});
        },
        end: () => set(null),
        wrap: (Component) => {
            function ForSignedInUser() {
                const session = useSyncExternalStore(subscribe, getCurrent);
                if (!session) {
                    return null;
                }
                return (
                    <ConnectProvider
                        key={session.key}
                        value={session.environment}
                    >
                        <IntlCapture/>
                        <Component/>
                    </ConnectProvider>
                );
            }
            ForSignedInUser.displayName = `ForSignedInUser(${Component.displayName ?? Component.name})`;
            return ForSignedInUser;
        },
    };
}
