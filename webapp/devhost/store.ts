// The web app's store (stores/redux_store): mattermost-redux's configureStore with the web app's
// own reducers beside entities; registerReducer adds plugins-<id> through mattermost-redux's
// reducerRegistry, which replaces the store's reducer.
import type {Action, Store} from 'redux';

import type {GlobalState} from '@mattermost/types/store';

import configureStoreExport from 'mattermost-redux/store/configureStore';
import type {DispatchFunc, ThunkActionFunc} from 'mattermost-redux/types/actions';

import {cjsDefault} from './cjs_default';
import {i18nReducer, type I18nState} from './i18n/translations';
import {pluginsReducer, type PluginsState} from './plugins/reducer';
import {rhsReducer, type RhsState} from './views/rhs';

export type DevHostState = GlobalState & {
    plugins: PluginsState;
    views: {rhs: RhsState; i18n: I18nState};
    [pluginState: `plugins-${string}`]: unknown;
};

// Thunks run: mattermost-redux's store has redux-thunk, and its types/actions extend redux's
// Dispatch to take them.
export type DevHostDispatch = DispatchFunc;
export type DevHostStore = Store<DevHostState>;
export type Thunk<R = void> = ThunkActionFunc<R, DevHostState>;

function viewsReducer(state: {rhs?: RhsState; i18n?: I18nState} = {}, action: Action<string>): {rhs: RhsState; i18n: I18nState} {
    return {rhs: rhsReducer(state.rhs, action), i18n: i18nReducer(state.i18n, action)};
}

const configureStore = cjsDefault(configureStoreExport);

export function createDevHostStore(): DevHostStore {
    const appReducers = {plugins: pluginsReducer, views: viewsReducer};
    const store = configureStore<DevHostState>({appReducers, getAppReducers: () => appReducers, preloadedState: {}});
    return store as DevHostStore;
}
