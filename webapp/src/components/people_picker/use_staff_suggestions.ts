import {useEffect, useState} from 'react';

import type {ConnectAPI} from '../../client';
import {errorMessage} from '../../error_message';
import type {StaffPerson} from '../../types/connect';

export interface StaffSuggestions {
    people: StaffPerson[];
    status: 'idle' | 'searching' | 'done';
    error: string | null;
}

const idle: StaffSuggestions = {people: [], status: 'idle', error: null};

// Waits for a pause in typing before asking, and drops answers to questions no longer asked.
export const suggestionDelayMs = 150;

export function useStaffSuggestions(client: ConnectAPI, query: string): StaffSuggestions {
    const [suggestions, setSuggestions] = useState<StaffSuggestions>(idle);
    const text = query.trim();

    useEffect(() => {
        if (!text) {
            setSuggestions(idle);
            return undefined;
        }
        let current = true;
        setSuggestions((previous) => ({...previous, status: 'searching', error: null}));
        const timer = setTimeout(() => {
            client.searchStaff(text).then(
                (page) => current && setSuggestions({people: page.people, status: 'done', error: null}),
                (error: unknown) => current && setSuggestions({people: [], status: 'done', error: errorMessage(error)}),
            );
        }, suggestionDelayMs);
        return () => {
            current = false;
            clearTimeout(timer);
        };
    }, [client, text]);

    return suggestions;
}
