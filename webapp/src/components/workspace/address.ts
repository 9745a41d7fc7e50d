// Deep links: ?conversation=<id> opens that conversation, and the address follows what is open,
// on the standalone page and on the web app's workspace route alike.
export function conversationInAddress(): string | null {
    return new URLSearchParams(window.location.search).get('conversation');
}

export function keepInAddress(conversationId: string | null): void {
    const url = new URL(window.location.href);
    if (conversationId) {
        url.searchParams.set('conversation', conversationId);
    } else {
        url.searchParams.delete('conversation');
    }
    window.history.replaceState(window.history.state, '', url);
}
