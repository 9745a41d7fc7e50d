// Following a record (F-60): what GET/POST /api/v1/follows answer, the record of a record
// conversation and the follows_changed event, as the server's Go types declare them: see
// wire.generated.ts.
export type {Follow, FollowedRecord, FollowList, FollowsChanged} from './wire.generated';
