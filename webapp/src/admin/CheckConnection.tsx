import React, {useMemo, useState} from 'react';
import type {IntlShape} from 'react-intl';

import {hostSiteURL} from '../host/site_url';
import {useConnectIntl} from '../i18n/intl';
import {useConnectStylesheet} from '../styles/stylesheet';

import {AdminClient} from './admin_client';
import {SettingRow} from './setting_row';
import type {ConnectionCheck} from './types';

// The props the web app gives a registered custom setting (schema_admin_settings.tsx,
// buildCustomSetting); the check reads none of the unsaved values, only the saved settings.
export interface CustomSettingProps {
    id: string;
    disabled?: boolean;
}

type CheckClient = Pick<AdminClient, 'checkConnection'>;

interface Props extends CustomSettingProps {
    client?: CheckClient;
}

type StepState = 'passed' | 'failed' | 'skipped';

interface Step {
    key: string;
    state: StepState;
    text: string;
}

const stateIcon: Record<StepState, string> = {passed: '✓', failed: '✗', skipped: '–'};

function steps(check: ConnectionCheck, intl: IntlShape): Step[] {
    if (!check.configured) {
        return [];
    }
    const result: Step[] = [{
        key: 'reachable',
        state: check.reachable ? 'passed' : 'failed',
        text: check.reachable ?
            intl.formatMessage({id: 'connect.admin.check.reachable', defaultMessage: 'ServiceNow answered at {instance}'}, {instance: check.instance}) :
            intl.formatMessage({id: 'connect.admin.check.unreachable', defaultMessage: 'ServiceNow did not answer at {instance}'}, {instance: check.instance}),
    }];
    if (!check.reachable) {
        return result;
    }
    const authMode = check.auth_mode === 'oauth' ?
        intl.formatMessage({id: 'connect.admin.check.auth_oauth', defaultMessage: 'OAuth client credentials'}) :
        intl.formatMessage({id: 'connect.admin.check.auth_basic', defaultMessage: 'basic authentication'});
    result.push({
        key: 'authenticated',
        state: check.authenticated ? 'passed' : 'failed',
        text: check.authenticated ?
            intl.formatMessage({id: 'connect.admin.check.authenticated', defaultMessage: 'Signed in with {authMode}'}, {authMode}) :
            intl.formatMessage({id: 'connect.admin.check.not_authenticated', defaultMessage: 'ServiceNow refused the credentials ({authMode})'}, {authMode}),
    });
    if (!check.authenticated) {
        return result;
    }
    let recordsText = intl.formatMessage({id: 'connect.admin.check.records_unreadable', defaultMessage: 'Connect cannot read task records'});
    if (check.records_readable) {
        recordsText = check.task_count >= 0 && check.sample_number ?
            intl.formatMessage({id: 'connect.admin.check.records_counted', defaultMessage: 'Can read {count, plural, one {# task record} other {# task records}}, for example {sample}'}, {count: check.task_count, sample: check.sample_number}) :
            intl.formatMessage({id: 'connect.admin.check.records_readable', defaultMessage: 'Can read task records'});
    }
    result.push({key: 'records', state: check.records_readable ? 'passed' : 'failed', text: recordsText});
    if (!check.records_readable) {
        return result;
    }
    let rolesText = intl.formatMessage({id: 'connect.admin.check.roles_skipped', defaultMessage: 'Staff roles not checked: no ServiceNow staff role is set'});
    if (check.roles_checked) {
        rolesText = check.roles_readable ?
            intl.formatMessage({id: 'connect.admin.check.roles_readable', defaultMessage: 'Can read the staff roles: {count, plural, one {# grant} other {# grants}} to active users'}, {count: Math.max(check.role_grants, 0)}) :
            intl.formatMessage({id: 'connect.admin.check.roles_unreadable', defaultMessage: 'Cannot read the staff roles (sys_user_has_role)'});
    }
    result.push({key: 'roles', state: stepState(check.roles_checked, check.roles_readable), text: rolesText});
    return result;
}

function stepState(checked: boolean, passed: boolean): StepState {
    if (!checked) {
        return 'skipped';
    }
    return passed ? 'passed' : 'failed';
}

// "Check connection" beside the ServiceNow settings: the same check as /connect record test, then
// the staff roles as the role sync reads them, shown in place. It never sees a secret: the server
// checks the saved settings and answers what it found.
export function CheckConnection({id, disabled, client}: Props) {
    useConnectStylesheet();
    const intl = useConnectIntl();
    const checker = useMemo<CheckClient>(() => client ?? new AdminClient(hostSiteURL()), [client]);
    const [checking, setChecking] = useState(false);
    const [check, setCheck] = useState<ConnectionCheck | null>(null);
    const [error, setError] = useState<string | null>(null);
    const buttonId = `${id}-button`;

    const run = async () => {
        setChecking(true);
        setError(null);
        try {
            setCheck(await checker.checkConnection());
        } catch (err) {
            setCheck(null);
            setError(err instanceof Error ? err.message : String(err));
        } finally {
            setChecking(false);
        }
    };

    const passed = check !== null && !check.problem;
    return (
        <SettingRow
            rowId={id}
            label={intl.formatMessage({id: 'connect.admin.check.label', defaultMessage: 'Check connection'})}
            helpText={intl.formatMessage({id: 'connect.admin.check.help', defaultMessage: 'Checks the saved ServiceNow settings: whether ServiceNow answers, accepts the credentials and lets Connect read records and staff roles, and how long it takes. Save first to check new values.'})}
        >
            <div className='cc-admin-check'>
                <button
                    id={buttonId}
                    type='button'
                    className='btn btn-tertiary'
                    disabled={disabled || checking}
                    onClick={() => void run()}
                >
                    {checking ?
                        intl.formatMessage({id: 'connect.admin.check.running', defaultMessage: 'Checking…'}) :
                        intl.formatMessage({id: 'connect.admin.check.button', defaultMessage: 'Check connection'})}
                </button>
                <div
                    className='cc-admin-check__result'
                    role='status'
                    aria-live='polite'
                >
                    {check ? (
                        <>
                            <p className={passed ? 'cc-admin-check__verdict cc-admin-check__verdict--passed' : 'cc-admin-check__verdict cc-admin-check__verdict--failed'}>
                                {passed ?
                                    intl.formatMessage({id: 'connect.admin.check.passed', defaultMessage: 'Connected in {ms} ms.'}, {ms: check.latency_ms}) :
                                    intl.formatMessage({id: 'connect.admin.check.failed', defaultMessage: 'The check failed: {problem}'}, {problem: check.problem})}
                            </p>
                            <ul className='cc-admin-check__steps'>
                                {steps(check, intl).map((step) => (
                                    <li
                                        key={step.key}
                                        className={`cc-admin-check__step cc-admin-check__step--${step.state}`}
                                        data-state={step.state}
                                    >
                                        <span aria-hidden='true'>{stateIcon[step.state]}</span>
                                        {' '}
                                        {step.text}
                                    </li>
                                ))}
                            </ul>
                        </>
                    ) : null}
                    {error ? (
                        <p className='cc-alert'>
                            {intl.formatMessage({id: 'connect.admin.check.error', defaultMessage: 'Connect could not run the check: {error}'}, {error})}
                        </p>
                    ) : null}
                </div>
            </div>
        </SettingRow>
    );
}
