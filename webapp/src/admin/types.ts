// The answers of Connect's System Console routes (server/console, server/staff/summary.go).

export interface ConnectionCheck {
    configured: boolean;
    instance?: string;
    auth_mode?: string;
    reachable: boolean;
    authenticated: boolean;
    records_readable: boolean;
    task_count: number; // -1 when ServiceNow did not say
    sample_number?: string;
    roles_checked: boolean;
    roles_readable: boolean;
    role_grants: number; // -1 when ServiceNow did not say
    latency_ms: number;
    problem?: string;
    checked_at: string;
}

export interface StaffTeamCount {
    name: string;
    staff: number;
    open: boolean;
    missing: boolean;
}

export interface StaffGroupCount {
    name: string;
    staff: number;
    missing: boolean;
}

export interface StaffRoleCount {
    roles: string[];
    staff: number;
    unverified: number;
    holders: number;
    last_success: string;
    last_error?: string;
}

export interface StaffSummary {
    total: number;
    mode: string;
    teams: StaffTeamCount[];
    groups: StaffGroupCount[];
    roles: StaffRoleCount;
    warnings?: string[];
}
