import {loadLatestPosts, loadOlderPosts, type ConnectDeps} from '../../state/operations';
import {selectConnect} from '../../state/selectors';

// How many pages of older messages opening a search result may load to reach its message.
const maxPages = 20;

// Loads the conversation's messages back to postId, page by page as the reader would scroll;
// false when the message is not there (deleted since, or further back than maxPages).
export async function loadUntil(deps: ConnectDeps, channelId: string, postId: string): Promise<boolean> {
    for (let page = 0; page <= maxPages; page++) {
        const loaded = selectConnect(deps.getState()).posts[channelId];
        if (loaded?.byId[postId]) {
            return true;
        }
        if (!loaded) {
            await loadLatestPosts(deps, channelId);
        } else if (loaded.reachedStart) {
            return false;
        } else {
            await loadOlderPosts(deps, channelId);
        }
    }
    return Boolean(selectConnect(deps.getState()).posts[channelId]?.byId[postId]);
}

const highlightMs = 4000;

// Scrolls the message into the middle of its conversation, marks it for a moment and gives it
// focus, once it is on the page (the conversation may still be opening).
export function showMessage(postId: string, within = 3000): Promise<boolean> {
    const started = performance.now();
    return new Promise((resolve) => {
        const look = () => {
            const message = document.querySelector<HTMLElement>(`[role="log"] [data-post-id="${CSS.escape(postId)}"]`);
            if (message) {
                message.scrollIntoView?.({block: 'center'});
                message.classList.add('cc-message--highlight', 'cc-message--found');
                message.tabIndex = -1;
                message.focus({preventScroll: true});
                setTimeout(() => message.classList.remove('cc-message--highlight', 'cc-message--found'), highlightMs);
                resolve(true);
            } else if (performance.now() - started > within) {
                resolve(false);
            } else {
                requestAnimationFrame(look);
            }
        };
        look();
    });
}
