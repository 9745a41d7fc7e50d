// Keeps the presence of the people Connect shows current the way Mattermost's web app does:
// components/channel_layout/channel_controller.tsx asks every Constants.STATUS_INTERVAL (one
// minute) for the statuses of the people on screen, and mattermost-redux's
// actions/status_profile_polling.ts batches the ids into POST /api/v4/users/status/ids (at most
// maxUserIdsPerStatusesRequest a request). status_change events reach only the user whose status
// changed (server: platform/status.go BroadcastStatus), so others learn of it by that poll.
//
// Inside the web app, a status its store holds (entities.users.statuses) is shown until Connect's
// own reading arrives, but it is not trusted to stay current: the web app polls only the people
// visible in its current channel, and no status_change reaches it about anyone else, so its
// store's status of a DM partner in another channel can be hours old. Connect asks for everyone
// it shows, in the same one request a minute.
import {statusesReceived} from './actions';
import type {ConnectDeps} from './operations';
import {selectConnect} from './selectors';

// Constants.STATUS_INTERVAL in the web app's utils/constants.tsx.
export const statusIntervalMs = 60_000;

// mattermost-redux actions/users.ts maxUserIdsPerStatusesRequest.
export const maxIdsPerStatusRequest = 200;

// Newly shown people are asked for together: everyone a window or list shows at once.
const newcomerBatchMs = 50;

export interface PresenceTracker {
    // Someone is on screen (a row, a header, a members list) until the returned stop is called.
    watch: (userIds: string[]) => () => void;

    // Asks soon for these people's status (the web app does when someone types who is not online).
    refresh: (userIds: string[]) => void;
    stop: () => void;
}

export interface PresenceOptions {
    // EnableUserStatuses: presence is off on this server when it is 'false'.
    enabled: () => boolean;
    intervalMs?: number;
}

export function createPresenceTracker(deps: ConnectDeps, options: PresenceOptions): PresenceTracker {
    const {enabled, intervalMs = statusIntervalMs} = options;
    const watched = new Map<string, number>();
    const soon = new Set<string>();
    let soonTimer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const known = (userId: string) => selectConnect(deps.getState()).live.presence[userId] !== undefined;

    const fetchStatuses = (userIds: string[]) => {
        if (stopped || !enabled() || userIds.length === 0) {
            return;
        }
        for (let start = 0; start < userIds.length; start += maxIdsPerStatusRequest) {
            deps.client.getStatuses(userIds.slice(start, start + maxIdsPerStatusRequest)).then((answer) => {
                const statuses: Record<string, string> = {};
                for (const status of Array.isArray(answer) ? answer : []) {
                    statuses[status.user_id] = status.status;
                }
                deps.dispatch(statusesReceived(statuses));
            }, () => {
                // The dots keep what they last showed; the next poll asks again.
            });
        }
    };

    const askSoon = (userIds: string[]) => {
        userIds.forEach((userId) => soon.add(userId));
        if (soonTimer === undefined && soon.size > 0) {
            soonTimer = setTimeout(() => {
                soonTimer = undefined;
                const ids = [...soon];
                soon.clear();
                fetchStatuses(ids);
            }, newcomerBatchMs);
        }
    };

    const poll = setInterval(() => {
        fetchStatuses([...watched.keys()]);
    }, intervalMs);

    return {
        watch: (userIds) => {
            const ids = [...new Set(userIds)].filter(Boolean);
            for (const userId of ids) {
                watched.set(userId, (watched.get(userId) ?? 0) + 1);
            }
            askSoon(ids.filter((userId) => !known(userId)));
            return () => {
                for (const userId of ids) {
                    const count = (watched.get(userId) ?? 1) - 1;
                    if (count > 0) {
                        watched.set(userId, count);
                    } else {
                        watched.delete(userId);
                    }
                }
            };
        },
        refresh: (userIds) => askSoon(userIds),
        stop: () => {
            stopped = true;
            clearInterval(poll);
            clearTimeout(soonTimer);
        },
    };
}
