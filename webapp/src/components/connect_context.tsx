import React, {createContext, useContext, useMemo, type ComponentType} from 'react';
import {useStore} from 'react-redux';

import type {ConnectAPI} from '../client';
import type {ConnectAction} from '../state/actions';
import type {ConnectDeps} from '../state/operations';
import type {ConnectRootState} from '../state/types';

// What the Connect components need besides the plugin's state. connect_app builds it, from the web
// app's store in the plugin and for the signed-in user on the standalone workspace page.
export interface ConnectEnvironment {
    client: ConnectAPI;
    siteURL: string;
    currentUserId: string;

    // Hides the sidebar; absent where there is no sidebar to hide.
    hideSidebar?: () => void;
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

// The client plus the store the components run in, for the operations in state/operations.
export function useConnectDeps(): ConnectDeps {
    const {client} = useConnectEnvironment();
    const store = useStore<ConnectRootState, ConnectAction>();
    return useMemo(() => ({client, dispatch: store.dispatch, getState: () => store.getState()}), [client, store]);
}

// Registered components take no props, so the environment is bound in when they are registered.
export function withConnectEnvironment(Component: ComponentType, environment: ConnectEnvironment): ComponentType {
    function WithConnectEnvironment() {
        return (
            <ConnectProvider value={environment}>
                <Component/>
            </ConnectProvider>
        );
    }
    WithConnectEnvironment.displayName = `WithConnectEnvironment(${Component.displayName ?? Component.name})`;
    return WithConnectEnvironment;
}
