import type {ComponentType, ReactNode} from 'react';
import {applyMiddleware, legacy_createStore as createStore, type Action, type Middleware, type Reducer, type Store} from 'redux';

import {pluginStateKeyOf, type HostState} from '../src/types/host_state';
import type {
    AppBarAction,
    ChannelHeaderButtonAction,
    HostDispatch,
    HostStore,
    HostThunk,
} from '../src/types/registry';
import type {UserProfile} from '../src/types/user';

export interface RightHandSidebarItem {id: string; pluginId: string; component: ComponentType; title: ReactNode}
export interface AppBarItem {id: string; pluginId: string; iconUrl: string; action: AppBarAction; tooltipText: ReactNode}
export interface ChannelHeaderItem {
    id: string;
    pluginId: string;
    icon: ReactNode;
    action: ChannelHeaderButtonAction;
    dropdownText: ReactNode;
    tooltipText: ReactNode;
}
export interface CustomRouteItem {id: string; pluginId: string; route: string; component: ComponentType}

// route: the path after /<team name> (/<plugin id>/<route>).
export interface TeamRouteItem {id: string; pluginId: string; route: string; component: ComponentType}
export interface MainMenuItem {id: string; pluginId: string; text: ReactNode; action: () => void}
export interface HostTeam {id: string; name: string}
export interface RootComponentItem {id: string; pluginId: string; component: ComponentType}

export interface RegisteredComponents {
    rightHandSidebar: RightHandSidebarItem[];
    appBar: AppBarItem[];
    channelHeader: ChannelHeaderItem[];
    customRoutes: CustomRouteItem[];
    teamRoutes: TeamRouteItem[];
    mainMenu: MainMenuItem[];
    root: RootComponentItem[];
}

// Like the web app's, the state also holds each plugin's registered reducer state at plugins-<id>.
export interface HarnessState extends HostState {
    harness: {
        openRightHandSidebarId: string | null;
        components: RegisteredComponents;
    };
}

type PluginReducer = Reducer<unknown, Action<string>>;

type ComponentRegistered = {
    [Kind in keyof RegisteredComponents]: {type: 'harness/component-registered'; kind: Kind; item: RegisteredComponents[Kind][number]}
}[keyof RegisteredComponents];

type HarnessAction =
    | ComponentRegistered
    | {type: 'harness/component-removed'; id: string}
    | {type: 'harness/rhs-shown'; pluggableId: string}
    | {type: 'harness/rhs-closed'};

export function harnessAction<A extends HarnessAction>(action: A): A {
    return action;
}

function isHarnessAction<T extends HarnessAction['type']>(action: Action<string>, type: T): action is Extract<HarnessAction, {type: T}> {
    return action.type === type;
}

function addComponent(components: RegisteredComponents, action: ComponentRegistered): RegisteredComponents {
    switch (action.kind) {
    case 'rightHandSidebar':
        return {...components, rightHandSidebar: [...components.rightHandSidebar, action.item]};
    case 'appBar':
        return {...components, appBar: [...components.appBar, action.item]};
    case 'channelHeader':
        return {...components, channelHeader: [...components.channelHeader, action.item]};
    case 'customRoutes':
        return {...components, customRoutes: [...components.customRoutes, action.item]};
    case 'teamRoutes':
        return {...components, teamRoutes: [...components.teamRoutes, action.item]};
    case 'mainMenu':
        return {...components, mainMenu: [...components.mainMenu, action.item]};
    case 'root':
        return {...components, root: [...components.root, action.item]};
    }
}

function removeComponent(components: RegisteredComponents, id: string): RegisteredComponents {
    return {
        rightHandSidebar: components.rightHandSidebar.filter((item) => item.id !== id),
        appBar: components.appBar.filter((item) => item.id !== id),
        channelHeader: components.channelHeader.filter((item) => item.id !== id),
        customRoutes: components.customRoutes.filter((item) => item.id !== id),
        teamRoutes: components.teamRoutes.filter((item) => item.id !== id),
        mainMenu: components.mainMenu.filter((item) => item.id !== id),
        root: components.root.filter((item) => item.id !== id),
    };
}

function harnessReducer(state: HarnessState['harness'], action: Action<string>): HarnessState['harness'] {
    if (isHarnessAction(action, 'harness/component-registered')) {
        return {...state, components: addComponent(state.components, action)};
    }
    if (isHarnessAction(action, 'harness/component-removed')) {
        const openRightHandSidebarId = state.openRightHandSidebarId === action.id ? null : state.openRightHandSidebarId;
        return {openRightHandSidebarId, components: removeComponent(state.components, action.id)};
    }
    if (isHarnessAction(action, 'harness/rhs-shown')) {
        return {...state, openRightHandSidebarId: action.pluggableId};
    }
    if (isHarnessAction(action, 'harness/rhs-closed')) {
        return {...state, openRightHandSidebarId: null};
    }
    return state;
}

function initialState(siteURL: string, currentUser: UserProfile, team: HostTeam | undefined): HarnessState {
    return {
        entities: {
            general: {config: {SiteURL: siteURL}},
            users: {currentUserId: currentUser.id, profiles: {[currentUser.id]: currentUser}},
            teams: team ? {currentTeamId: team.id, teams: {[team.id]: team}} : {currentTeamId: '', teams: {}},
        },
        harness: {
            openRightHandSidebarId: null,
            components: {rightHandSidebar: [], appBar: [], channelHeader: [], customRoutes: [], teamRoutes: [], mainMenu: [], root: []},
        },
    };
}

export interface HarnessStore extends HostStore {
    getState: () => HarnessState;

    // The same store as the Redux store that the host's Provider hands to plugin components.
    redux: Store<HarnessState, Action<string>>;

    // registerReducer: the reducer's state lives at state['plugins-<plugin id>'] from now on.
    registerPluginReducer(pluginId: string, reducer: (state: never, action: Action<string>) => unknown): void;
}

function isThunk(action: unknown): action is HostThunk {
    return typeof action === 'function';
}

function rootReducer(siteURL: string, currentUser: UserProfile, team: HostTeam | undefined, pluginReducers: Map<string, PluginReducer>) {
    return (state: HarnessState = initialState(siteURL, currentUser, team), action: Action<string>): HarnessState => {
        const next: HarnessState = {...state, harness: harnessReducer(state.harness, action)};
        for (const [pluginId, reducer] of pluginReducers) {
            const key = pluginStateKeyOf(pluginId);
            next[key] = reducer(state[key], action);
        }
        return next;
    };
}

// A Redux store that, like the web app's, runs thunks, holding the entities plugins read; team
// is the user's current team, as the web app keeps it (the dev host takes their first).
export function createHarnessStore(siteURL: string, currentUser: UserProfile, team?: HostTeam): HarnessStore {
    const runThunks: Middleware<(thunk: HostThunk) => unknown, HarnessState> = (api) => (next) => (action) => {
        if (isThunk(action)) {
            return action(dispatch, () => api.getState());
        }
        return next(action);
    };
    const pluginReducers = new Map<string, PluginReducer>();
    const store = createStore(rootReducer(siteURL, currentUser, team, pluginReducers), applyMiddleware(runThunks));

    const dispatch: HostDispatch = (action) => {
        // Two calls, so that each picks its own overload of the extended dispatch.
        if (isThunk(action)) {
            return store.dispatch(action);
        }
        return store.dispatch(action);
    };

    const registerPluginReducer = (pluginId: string, reducer: (state: never, action: Action<string>) => unknown) => {
        // The state under the plugin's key only ever comes from this same reducer.
        pluginReducers.set(pluginId, (state, action) => reducer(state as never, action));

        // Redux dispatches its replace action, which gives the new reducer its initial state.
        store.replaceReducer(rootReducer(siteURL, currentUser, team, pluginReducers));
    };

    return {
        getState: () => store.getState(),
        subscribe: (listener) => store.subscribe(listener),
        dispatch,
        redux: store,
        registerPluginReducer,
    };
}
