// Mattermost's limit for a post's message, in characters (the server counts runes, code points).
export const postMessageLimit = 16_383;

const limitText = postMessageLimit.toLocaleString('en-US');

function characters(count: number): string {
    return count === 1 ? '1 character' : `${count.toLocaleString('en-US')} characters`;
}

// What Connect says about a message over the limit: by how much when it knows, as the composer does.
export function messageTooLong(excess?: number): string {
    return excess === undefined ?
        `This message is too long (the limit is ${limitText} characters).` :
        `This message is ${characters(excess)} too long (the limit is ${limitText}).`;
}

// Server texts that Connect says in its own words.
const serverTexts = new Map([
    ['Post Message property is longer than the maximum permitted length.', messageTooLong()],
]);

// What the user reads about a failure. A ClientError's message already is one: the server's own
// reason, or "Could not reach the server: …"; anything else thrown says what it can.
export function errorMessage(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return serverTexts.get(message.trim()) ?? message;
}
