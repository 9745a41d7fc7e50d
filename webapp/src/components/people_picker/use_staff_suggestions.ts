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

// While the answer for new text is awaited, the previous people stay listed.
function awaiting(text: string, previous: StaffSuggestions): StaffSuggestions {
    return text ? {...previous, status: 'searching', error: null} : idle;
}

export function useStaffSuggestions(client: ConnectAPI, query: string): StaffSuggestions {
    const text = query.trim();
    const [suggestions, setSuggestions] = useState<StaffSuggestions>(() => awaiting(text, idle));

    // Adjusted while rendering, as React advises for state that follows a prop.
    const [askedText, setAskedText] = useState(text);
    if (askedText !== text) {
        setAskedText(text);
        setSuggestions(awaiting(text, suggestions));
    }

    useEffect(() => {
        if (!text) {
            return undefined;
        }
        let current = true;
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
