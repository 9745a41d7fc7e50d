import {useEffect} from 'react';
import {useSelector} from 'react-redux';

import {searchCleared} from '../../state/actions';
import {searchConversations, type ConnectDeps} from '../../state/operations';
import {selectConnect, selectSearch} from '../../state/selectors';
import type {ConnectRootState} from '../../state/types';
import type {Conversation} from '../../types/connect';

export const searchDelayMs = 200;

// The server accepts 1 to 64 characters.
const maxQueryLength = 64;

function selectResults(state: ConnectRootState): Conversation[] {
    const {search, conversations} = selectConnect(state);
    return search.resultIds.map((id) => conversations.byId[id]).filter((conversation): conversation is Conversation => Boolean(conversation));
}

function sameConversations(a: Conversation[], b: Conversation[]): boolean {
    return a.length === b.length && a.every((conversation, index) => conversation === b[index]);
}

// Searches all of the user's conversations, closed ones too, a moment after typing stops.
export function useConversationSearch(deps: ConnectDeps, query: string) {
    const text = query.trim().slice(0, maxQueryLength);

    useEffect(() => {
        if (!text) {
            deps.dispatch(searchCleared());
            return undefined;
        }
        const timer = setTimeout(() => void searchConversations(deps, text), searchDelayMs);
        return () => clearTimeout(timer);
    }, [deps, text]);

    const search = useSelector(selectSearch);
    const results = useSelector(selectResults, sameConversations);
    const current = search.query === text;
    return {
        results: current ? results : [],
        searching: Boolean(text) && (!current || search.status === 'searching'),
        error: current ? search.error : null,
    };
}
