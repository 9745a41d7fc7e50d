import {ClientError, csrfTokenFromCookies} from '../client';
import {pluginId} from '../manifest';

import type {ConnectionCheck, StaffSummary} from './types';

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

// The System Console page's two routes, for system admins only. They are apart from
// ConnectClient, which lives with a signed-in staff session; the System Console has none.
export class AdminClient {
    constructor(
        private readonly siteURL: string,
        private readonly fetchFunction: Fetch = (input, init) => fetch(input, init),
        private readonly readCookies: () => string = () => document.cookie,
    ) {}

    // Checks the settings as saved: the System Console sends unsaved values nowhere until Save.
    checkConnection(): Promise<ConnectionCheck> {
        return this.request<ConnectionCheck>('POST', 'admin/connection/check');
    }

    staffSummary(): Promise<StaffSummary> {
        return this.request<StaffSummary>('GET', 'admin/staff/summary');
    }

    private async request<T>(method: string, path: string): Promise<T> {
        const url = `${this.siteURL}/plugins/${pluginId}/api/v1/${path}`;
        const headers: Record<string, string> = {'X-Requested-With': 'XMLHttpRequest'};
        const csrf = csrfTokenFromCookies(this.readCookies());
        if (method !== 'GET' && csrf) {
            headers['X-CSRF-Token'] = csrf;
        }
        let response: Response;
        try {
            response = await this.fetchFunction(url, {method, headers, credentials: 'include'});
        } catch (err) {
            throw new ClientError(0, err instanceof Error ? err.message : String(err), url);
        }
        if (!response.ok) {
            let message = `Request failed with status ${response.status}`;
            try {
                const body = await response.json() as {error?: unknown};
                if (typeof body.error === 'string' && body.error) {
                    message = body.error;
                }
            } catch {
                // Not JSON: the status says it.
            }
            throw new ClientError(response.status, message, url);
        }
        return await response.json() as T;
    }
}
