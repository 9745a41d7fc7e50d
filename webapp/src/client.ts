import type {UserProfile} from './types/user';

// Status 0 stands for a request that got no HTTP answer at all (network down, CORS, aborted).
export class ClientError extends Error {
    override readonly name = 'ClientError';

    constructor(
        readonly status: number,
        message: string,
        readonly url: string,
    ) {
        super(message);
    }

    get isUnauthorized(): boolean {
        return this.status === 401;
    }
}

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

// Mattermost's REST API answers {message, id, ...}; the plugin's own routes answer {error}.
interface ErrorBody {
    message?: unknown;
    error?: unknown;
}

async function errorMessage(response: Response): Promise<string> {
    const fallback = `Request failed with status ${response.status}`;
    try {
        const body: ErrorBody = await response.json();
        for (const candidate of [body.message, body.error]) {
            if (typeof candidate === 'string' && candidate) {
                return candidate;
            }
        }
        return fallback;
    } catch {
        return fallback;
    }
}

export class ConnectClient {
    constructor(
        private readonly siteURL: string,
        // Wrapped so the browser's fetch is never called detached from window.
        private readonly fetchFunction: FetchFunction = (input, init) => fetch(input, init),
    ) {}

    getCurrentUser(): Promise<UserProfile> {
        return this.getJSON<UserProfile>('/api/v4/users/me');
    }

    private async getJSON<T>(path: string): Promise<T> {
        const url = this.siteURL + path;
        let response: Response;
        try {
            response = await this.fetchFunction(url, {
                method: 'GET',
                credentials: 'include',
                headers: {
                    Accept: 'application/json',

                    // Sent by Mattermost's own web app on every call; with a cookie session, the server's
                    // legacy CSRF check still accepts it on writes.
                    'X-Requested-With': 'XMLHttpRequest',
                },
            });
        } catch (cause) {
            const reason = cause instanceof Error ? cause.message : String(cause);
            throw new ClientError(0, `Could not reach the server: ${reason}`, url);
        }
        if (!response.ok) {
            throw new ClientError(response.status, await errorMessage(response), url);
        }
        return await response.json() as T;
    }
}
