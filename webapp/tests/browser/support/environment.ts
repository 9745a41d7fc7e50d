// What the Go test rig tells the browser tests about the Mattermost server it started.
export interface RigEnvironment {
    url: string;
    password: string;
    admin: string;
    staff: string[];
    customers: string[];
    team: string;
    // The ServiceNow stand-in's instance URL.
    serviceNow: string;
}

function required(name: string): string {
    const value = process.env[name];
    if (!value) {
        throw new Error(
            `${name} is not set. The browser tests run against the Mattermost server that the Go test rig starts; ` +
            'run them from the repository root with: go run ./build/cmd/rig exec -- npm --prefix webapp run test:browser',
        );
    }
    return value;
}

function usernames(name: string): string[] {
    return required(name).split(',').map((username) => username.trim()).filter(Boolean);
}

export function rigEnvironment(): RigEnvironment {
    return {
        url: required('CONNECT_MM_URL').replace(/\/$/, ''),
        password: required('CONNECT_MM_PASSWORD'),
        admin: required('CONNECT_MM_ADMIN'),
        staff: usernames('CONNECT_MM_STAFF'),
        customers: usernames('CONNECT_MM_CUSTOMERS'),
        team: required('CONNECT_MM_TEAM'),
        serviceNow: required('CONNECT_SN_URL').replace(/\/$/, ''),
    };
}
