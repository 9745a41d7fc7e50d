// The right-hand sidebar's state and the actions the registry hands plugins, as
// actions/views/rhs.ts and reducers/views/rhs.ts keep them (state.views.rhs).
import type {Action} from 'redux';

import {UserTypes} from 'mattermost-redux/action_types';

import type {Thunk} from '../store';

export const UPDATE_RHS_STATE = 'UPDATE_RHS_STATE';
export const RHS_PLUGIN = 'plugin';

export interface RhsState {
    rhsState: string | null;
    pluggableId: string;
    isSidebarOpen: boolean;
}

interface UpdateRhsState extends Action<typeof UPDATE_RHS_STATE> {
    [extra: string]: unknown;
    state: string | null;
    pluggableId?: string;
}


const initialState: RhsState = {rhsState: null, pluggableId: '', isSidebarOpen: false};

function isUpdate(action: Action<string>): action is UpdateRhsState {
    return action.type === UPDATE_RHS_STATE;
}

export function rhsReducer(state: RhsState = initialState, action: Action<string>): RhsState {
    if (isUpdate(action)) {
        const pluggableId = action.state === RHS_PLUGIN ? action.pluggableId ?? '' : '';
        return {rhsState: action.state, pluggableId, isSidebarOpen: action.state !== null};
    }
    if (action.type === UserTypes.LOGOUT_SUCCESS) {
        return initialState;
    }
    return state;
}

// A plain action: plugins dispatch it as it is.
export function showRHSPlugin(pluggableId: string): UpdateRhsState {
    return {type: UPDATE_RHS_STATE, state: RHS_PLUGIN, pluggableId};
}

export function closeRightHandSide(): UpdateRhsState {
    return {type: UPDATE_RHS_STATE, state: null};
}

function isOpenPlugin(state: {views: {rhs: RhsState}}, pluggableId: string): boolean {
    return state.views.rhs.rhsState === RHS_PLUGIN && state.views.rhs.pluggableId === pluggableId;
}

// Thunks, as the web app's hide and toggle actions are.
export function hideRHSPlugin(pluggableId: string): Thunk {
    return (dispatch, getState) => {
        if (isOpenPlugin(getState(), pluggableId)) {
            dispatch(closeRightHandSide());
        }
    };
}

export function toggleRHSPlugin(pluggableId: string): Thunk {
    return (dispatch, getState) => {
        if (isOpenPlugin(getState(), pluggableId)) {
            dispatch(hideRHSPlugin(pluggableId));
            return;
        }
        dispatch(showRHSPlugin(pluggableId));
    };
}
