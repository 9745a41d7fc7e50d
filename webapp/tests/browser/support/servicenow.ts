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

// The stand-in's default credentials (build/servicenow/server.go), which the rig configures.
const serviceNowAuth = `Basic ${Buffer.from('connect.integration:stand-in-password').toString('base64')}`;

async function serviceNowTable<T>(env: RigEnvironment, table: string, query: string, fields: string): Promise<T[]> {
    const params = new URLSearchParams({sysparm_query: query, sysparm_fields: fields});
    const response = await fetch(`${env.serviceNow}/api/now/table/${table}?${params.toString()}`, {headers: {Authorization: serviceNowAuth, Accept: 'application/json'}});
    if (!response.ok) {
        throw new Error(`The ServiceNow stand-in answered ${response.status} for ${table}`);
    }
    return ((await response.json()) as {result: T[]}).result;
}

// The journal entries (work notes, comments) of the incident with this number, read through the
// stand-in's Table API as ServiceNow's own clients read them.
export async function journalOf(env: RigEnvironment, number: string): Promise<Array<{element: string; value: string}>> {
    const [incident] = await serviceNowTable<{sys_id: string}>(env, 'incident', `number=${number}`, 'sys_id');
    if (!incident) {
        throw new Error(`The ServiceNow stand-in has no incident ${number}`);
    }
    return serviceNowTable(env, 'sys_journal_field', `element_id=${incident.sys_id}`, 'element,value');
}
