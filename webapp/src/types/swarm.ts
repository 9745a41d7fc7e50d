// Bringing in a record's people: what GET and POST /api/v1/swarm/{table}/{sys_id} answer, as the
// server's Go types declare them: see wire.generated.ts.
export type {SwarmPerson, SwarmPlan, SwarmRecord, SwarmResult} from './wire.generated';
