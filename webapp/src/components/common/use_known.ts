import {useCallback, useEffect, useState} from 'react';
import {useSelector} from 'react-redux';

import type {ConnectAPI} from '../../client';
import {errorMessage} from '../../error_message';
import {readDue, readKnown, saveKnown, selectKnownEntry} from '../../state/known';
import type {ConnectDeps} from '../../state/operations';
import type {ConnectRootState, KnownKind, KnownValues} from '../../state/types';
import {useConnectDeps} from '../connect_context';

export interface Known<T> {
    // Undefined until the server answered the first time.
    value: T | undefined;
    readFailure: string | null;

    // Why this place's last change failed.
    failure: string | null;

    // One of this place's changes is on its way.
    busy: boolean;

    // Shows next at once and saves it with write; a refusal puts the value before back.
    save: (next: T, write: (client: ConnectAPI) => Promise<T>) => Promise<void>;

    // Runs a change on the server, busy meanwhile; a failure answers undefined.
    run: <R>(change: (deps: ConnectDeps) => Promise<R>) => Promise<R | undefined>;
}

// One value the server keeps for the user, as every place that shows it sees it: read when shown,
// following every change (events, this page's other places), and changed from here.
export function useKnown<Kind extends KnownKind>(kind: Kind, key: string): Known<KnownValues[Kind]> {
    const deps = useConnectDeps();
    const entry = useSelector((state: ConnectRootState) => selectKnownEntry(state, kind, key));
    const {failure, setFailure} = useFailureOf(key);
    const [busy, setBusy] = useState(false);

    useEffect(() => {
        if (readDue(deps.getState(), kind, key)) {
            // The failure stays with the value, for every place that shows it.
            readKnown(deps, kind, key).catch(() => undefined);
        }
    }, [deps, kind, key]);

    const run = useCallback(async <R, >(change: (deps: ConnectDeps) => Promise<R>): Promise<R | undefined> => {
        setFailure(null);
        setBusy(true);
        try {
            return await change(deps);
        } catch (error) {
            setFailure(errorMessage(error));
            return undefined;
        } finally {
            setBusy(false);
        }
    }, [deps, setFailure]);

    const save = useCallback(
        (next: KnownValues[Kind], write: (client: ConnectAPI) => Promise<KnownValues[Kind]>) => run(() => saveKnown(deps, kind, key, next, () => write(deps.client))),
        [deps, kind, key, run],
    );

    return {value: entry?.value, readFailure: entry?.readFailure ?? null, failure, busy, save, run};
}

// A failure kept with the value it is about, so that another one starts without it.
function useFailureOf(key: string): {failure: string | null; setFailure: (message: string | null) => void} {
    const [failureOf, setFailureOf] = useState<{key: string; message: string} | null>(null);
    const failure = failureOf?.key === key ? failureOf.message : null;
    const setFailure = useCallback((message: string | null) => setFailureOf(message === null ? null : {key, message}), [key]);
    return {failure, setFailure};
}
