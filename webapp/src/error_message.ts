// What the user reads about a failure. A ClientError's message already is one: the server's own
// reason, or "Could not reach the server: …"; anything else thrown says what it can.
export function errorMessage(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
