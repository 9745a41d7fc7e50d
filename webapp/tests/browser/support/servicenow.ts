import type {RigEnvironment} from './environment';

// Where the stand-in takes an event to sign and send to Connect's webhook, as ServiceNow's business
// rule does (build/servicenow/webhook.go): the signer is the Go one, not a copy of it.
const eventsPath = '/x_connect/events';

// Sends a record event to the plugin through the ServiceNow stand-in; returns the webhook's status.
export async function sendServiceNowEvent(env: RigEnvironment, event: Record<string, unknown>): Promise<number> {
    const response = await fetch(env.serviceNow + eventsPath, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(event),
    });
    await response.body?.cancel();
    return response.status;
}
