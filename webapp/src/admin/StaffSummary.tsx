import React, {useEffect, useMemo, useState} from 'react';

import {hostSiteURL} from '../host/site_url';
import {useConnectIntl} from '../i18n/intl';
import {useConnectStylesheet} from '../styles/stylesheet';

import {AdminClient} from './admin_client';
import type {CustomSettingProps} from './CheckConnection';
import {SettingRow} from './setting_row';
import type {StaffSummary as Summary} from './types';

type SummaryClient = Pick<AdminClient, 'staffSummary'>;

interface Props extends CustomSettingProps {
    client?: SummaryClient;
}

// Who is ITIL staff now, by source, as /connect staff stats reports it with counts: the staff
// teams (an open one is flagged: anyone could join it and become staff), groups and ServiceNow
// roles. It reads the saved settings, like the check.
export function StaffSummary({id, client}: Props) {
    useConnectStylesheet();
    const intl = useConnectIntl();
    const reader = useMemo<SummaryClient>(() => client ?? new AdminClient(hostSiteURL()), [client]);
    const [summary, setSummary] = useState<Summary | null>(null);
    const [error, setError] = useState<string | null>(null);
    const [loading, setLoading] = useState(true);
    const [attempt, setAttempt] = useState(0);

    useEffect(() => {
        let current = true;
        reader.staffSummary().then((answer) => {
            if (current) {
                setSummary(answer);
                setLoading(false);
            }
        }, (err: unknown) => {
            if (current) {
                setError(err instanceof Error ? err.message : String(err));
                setLoading(false);
            }
        });
        return () => {
            current = false;
        };
    }, [reader, attempt]);

    const countAgain = () => {
        setLoading(true);
        setError(null);
        setAttempt((n) => n + 1);
    };

    const buttonId = `${id}-refresh`;
    const people = (count: number) => intl.formatMessage({id: 'connect.admin.summary.people', defaultMessage: '{count, plural, one {# person} other {# people}}'}, {count});
    return (
        <SettingRow
            rowId={id}
            label={intl.formatMessage({id: 'connect.admin.summary.label', defaultMessage: 'Staff now'})}
            helpText={intl.formatMessage({id: 'connect.admin.summary.help', defaultMessage: 'Counted from the saved settings. Someone in several sources counts once in the total. Guests, bots and deactivated accounts never count.'})}
        >
            <div
                className='cc-admin-summary'
                aria-busy={loading}
            >
                {summary ? (
                    <>
                        <p className='cc-admin-summary__total'>
                            {intl.formatMessage({id: 'connect.admin.summary.total', defaultMessage: '{count, plural, =0 {Nobody is ITIL staff.} one {# person is ITIL staff.} other {# people are ITIL staff.}}'}, {count: summary.total})}
                        </p>
                        <table className='cc-admin-summary__table'>
                            <caption className='cc-visually-hidden'>
                                {intl.formatMessage({id: 'connect.admin.summary.caption', defaultMessage: 'ITIL staff by source'})}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope='col'>{intl.formatMessage({id: 'connect.admin.summary.source', defaultMessage: 'Source'})}</th>
                                    <th scope='col'>{intl.formatMessage({id: 'connect.admin.summary.staff', defaultMessage: 'Staff'})}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {summary.teams.map((team) => (
                                    <tr
                                        key={`team-${team.name}`}
                                        data-source='team'
                                    >
                                        <th scope='row'>
                                            {intl.formatMessage({id: 'connect.admin.summary.team', defaultMessage: 'Team {name}'}, {name: team.name})}
                                            {team.open ? (
                                                <span className='cc-admin-summary__flag'>
                                                    {intl.formatMessage({id: 'connect.admin.summary.open', defaultMessage: 'Open: anyone can join'})}
                                                </span>
                                            ) : null}
                                            {team.missing ? (
                                                <span className='cc-admin-summary__flag'>
                                                    {intl.formatMessage({id: 'connect.admin.summary.missing_team', defaultMessage: 'No such team'})}
                                                </span>
                                            ) : null}
                                        </th>
                                        <td>{people(team.staff)}</td>
                                    </tr>
                                ))}
                                {summary.groups.map((group) => (
                                    <tr
                                        key={`group-${group.name}`}
                                        data-source='group'
                                    >
                                        <th scope='row'>
                                            {intl.formatMessage({id: 'connect.admin.summary.group', defaultMessage: 'User group @{name}'}, {name: group.name})}
                                            {group.missing ? (
                                                <span className='cc-admin-summary__flag'>
                                                    {intl.formatMessage({id: 'connect.admin.summary.missing_group', defaultMessage: 'No such group'})}
                                                </span>
                                            ) : null}
                                        </th>
                                        <td>{people(group.staff)}</td>
                                    </tr>
                                ))}
                                {summary.roles.roles.length > 0 ? (
                                    <tr data-source='roles'>
                                        <th scope='row'>
                                            {intl.formatMessage({id: 'connect.admin.summary.roles', defaultMessage: 'ServiceNow roles {roles}'}, {roles: summary.roles.roles.join(', ')})}
                                            {summary.roles.unverified > 0 ? (
                                                <span className='cc-admin-summary__note'>
                                                    {intl.formatMessage({id: 'connect.admin.summary.unverified', defaultMessage: '{count, plural, one {# more holds a role, but with an unverified address} other {# more hold a role, but with unverified addresses}}'}, {count: summary.roles.unverified})}
                                                </span>
                                            ) : null}
                                        </th>
                                        <td>{people(summary.roles.staff)}</td>
                                    </tr>
                                ) : null}
                            </tbody>
                        </table>
                        {summary.teams.length === 0 && summary.groups.length === 0 && summary.roles.roles.length === 0 ? (
                            <p className='cc-admin-summary__note'>
                                {intl.formatMessage({id: 'connect.admin.summary.no_source', defaultMessage: 'No staff team, group or ServiceNow role is set, so nobody can use Connect.'})}
                            </p>
                        ) : null}
                        {summary.roles.last_error ? (
                            <p className='cc-alert'>
                                {intl.formatMessage({id: 'connect.admin.summary.sync_failed', defaultMessage: 'The last role sync failed: {error}'}, {error: summary.roles.last_error})}
                            </p>
                        ) : null}
                        {summary.teams.filter((team) => team.open).map((team) => (
                            <p
                                key={`warning-${team.name}`}
                                className='cc-alert cc-admin-summary__warning'
                            >
                                {intl.formatMessage({id: 'connect.admin.summary.open_warning', defaultMessage: 'The staff team {name} is open: anyone with an account on this server can join it and so become ITIL staff. Make it invite only (Team Settings > Access).'}, {name: team.name})}
                            </p>
                        ))}
                    </>
                ) : null}
                {error ? (
                    <p className='cc-alert'>
                        {intl.formatMessage({id: 'connect.admin.summary.error', defaultMessage: 'Connect could not count the staff: {error}'}, {error})}
                    </p>
                ) : null}
                <button
                    id={buttonId}
                    type='button'
                    className='btn btn-tertiary'
                    disabled={loading}
                    onClick={countAgain}
                >
                    {intl.formatMessage({id: 'connect.admin.summary.refresh', defaultMessage: 'Count again'})}
                </button>
            </div>
        </SettingRow>
    );
}
