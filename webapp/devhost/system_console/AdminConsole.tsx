// components/admin_console/admin_console.tsx with the plugins' part of admin_definition.tsx: the
// System Console loads the config (GET /api/v4/config, secrets masked) and the plugins
// (GET /api/v4/plugins, admin_sidebar.tsx), runs every function plugins registered with
// registerAdminConsolePlugin over the admin definition (selectors/admin_console.tsx,
// getAdminDefinition) and shows the first subsection whose URL matches (renderRoutes' <Switch>).
// A plugin's page is the subsection plugins/plugin_:plugin_id unless a plugin put a page before it.
// The sidebar lists the titled subsections and every plugin. Only the plugins' part is imitated.
import React, {useEffect, useMemo, useState} from 'react';
import {useSelector} from 'react-redux';

import {Client4} from 'mattermost-redux/client';
import {isCurrentUserSystemAdmin} from 'mattermost-redux/selectors/entities/users';

import {Link} from '../routing/Link';
import {useLocation} from '../routing/history';
import {setHostStatus} from '../status';

import {pluginSchema, type AdminPluginManifest} from './plugin_schema';
import {useAdminConsoleRegistrations, type AdminConsoleRegistrations} from './registrations';
import type {AdminDefinition, AdminSchema, AdminSubsection, ConsoleAccess} from './schema';
import {SchemaPage} from './SchemaPage';
import {consoleCss} from './styles';

type Config = Record<string, unknown>;

const adminAccess: ConsoleAccess = {read: {plugins: true}, write: {plugins: true}};

// admin_definition.tsx's plugins section: plugin management and the generic plugin page.
function baseDefinition(): AdminDefinition {
    return {
        plugins: {
            subsections: {
                plugin_management: {url: 'plugins/plugin_management', title: 'Plugin Management', schema: {id: 'PluginManagementSettings'}},
                custom: {url: 'plugins/plugin_:plugin_id', schema: {id: 'CustomPluginSettings'}},
            },
        },
    };
}

export function adminDefinition(registrations: AdminConsoleRegistrations): AdminDefinition {
    let definition = baseDefinition();
    for (const reducer of Object.values(registrations.reducers)) {
        definition = reducer(definition);
    }
    return definition;
}

// react-router's path matching for one parameter: plugins/plugin_:plugin_id.
export function matchSubsection(definition: AdminDefinition, path: string): {subsection: AdminSubsection; params: Record<string, string>} | null {
    for (const section of Object.values(definition)) {
        for (const subsection of Object.values(section.subsections)) {
            const names: string[] = [];
            const pattern = subsection.url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:([a-z_]+)/g, (_match, name: string) => {
                names.push(name);
                return '([^/]+)';
            });
            const found = new RegExp(`^${pattern}(?:/.*)?$`).exec(path);
            if (found) {
                return {subsection, params: Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1])]))};
            }
        }
    }
    return null;
}

interface Loaded {
    config: Config;
    plugins: AdminPluginManifest[];
}

export function AdminConsole() {
    const {pathname} = useLocation();
    const isAdmin = useSelector(isCurrentUserSystemAdmin);
    const registrations = useAdminConsoleRegistrations();
    const [loaded, setLoaded] = useState<Loaded | null>(null);
    const [error, setError] = useState<string | null>(null);

    useEffect(() => {
        if (!isAdmin) {
            setHostStatus('ready');
            return;
        }
        let current = true;
        void Promise.all([Client4.getConfig(), Client4.getPlugins()]).then(([config, plugins]) => {
            if (current) {
                setLoaded({config: config as unknown as Config, plugins: [...(plugins.active ?? []), ...(plugins.inactive ?? [])] as unknown as AdminPluginManifest[]});
            }
        }, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
        return () => {
            current = false;
        };
    }, [isAdmin]);

    useEffect(() => {
        if (loaded || error) {
            setHostStatus('ready');
        }
    }, [loaded, error]);

    const definition = useMemo(() => adminDefinition(registrations), [registrations]);
    const path = pathname.replace(/^\/admin_console\/?/, '');
    const match = matchSubsection(definition, path);

    if (!isAdmin) {
        return <main className='devhost-admin-console'>{'Only system admins can open the System Console.'}</main>;
    }
    if (error) {
        return <main className='devhost-admin-console'><p role='alert'>{error}</p></main>;
    }
    if (!loaded) {
        return <main className='devhost-admin-console'>{'Loading…'}</main>;
    }

    let schema: AdminSchema | null = match?.subsection.schema ?? null;
    if (schema?.id === 'CustomPluginSettings') {
        const plugin = loaded.plugins.find((candidate) => candidate.id === match?.params.plugin_id);
        schema = plugin ? pluginSchema(plugin, registrations.customComponents[plugin.id]) : null;
    }
    return (
        <main
            className='devhost-admin-console admin-console'
            id='adminConsoleWrapper'
        >
            <style>{consoleCss}</style>
            <nav
                className='admin-sidebar'
                aria-label='System Console'
            >
                <ul>
                    {[...loaded.plugins].sort((a, b) => a.name.localeCompare(b.name)).map((plugin) => (
                        <li key={plugin.id}>
                            <Link to={`/admin_console/plugins/plugin_${plugin.id}`}>{plugin.name}</Link>
                        </li>
                    ))}
                </ul>
            </nav>
            {schema?.sections || schema?.settings ? (
                <SchemaPage
                    key={`${schema.id}-${path}`}
                    schema={schema}
                    config={loaded.config}
                    access={adminAccess}
                    onSaved={(config) => setLoaded({...loaded, config})}
                />
            ) : (
                <p className='devhost-not-imitated'>{'Only the plugins\' pages of the System Console are imitated by the dev host.'}</p>
            )}
        </main>
    );
}
