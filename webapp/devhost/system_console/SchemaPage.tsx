// components/admin_console/schema_admin_settings.tsx: one System Console page from its schema.
// The values start as the saved config; a change marks the page as needing a save; Save sends the
// whole config with the page's values through Client4.patchConfig (PUT /api/v4/config/patch),
// then runs the save actions custom settings registered. Sections show their title and subtitle,
// but the plugin's Enable section, which has none. Secrets arrive masked by the server
// (model.PluginSettings.Sanitize) and go back as they came, which the server reads as unchanged.
import React, {isValidElement, useState, type ReactNode} from 'react';
import type {MessageDescriptor} from 'react-intl';

import {Client4} from 'mattermost-redux/client';

import {useConnectIntl} from '../../src/i18n/intl';

import {evaluate, type AdminSchema, type AdminSection, type AdminSetting, type ConsoleAccess} from './schema';

type Config = Record<string, unknown>;
type Values = Record<string, unknown>;

const unescapePathPart = (part: string) => part.replace(/\+/g, '.');

export function getConfigValue(config: unknown, path: string): unknown {
    return path.split('.').reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Config)[unescapePathPart(part)] : undefined), config);
}

export function setConfigValue(config: Config, path: string, value: unknown): void {
    const parts = path.split('.').map(unescapePathPart);
    let node = config;
    for (const part of parts.slice(0, -1)) {
        if (node[part] === null || typeof node[part] !== 'object') {
            node[part] = {};
        }
        node = node[part] as Config;
    }
    node[parts[parts.length - 1]] = value;
}

function allSettings(schema: AdminSchema): AdminSetting[] {
    return schema.settings ?? (schema.sections ?? []).flatMap((section) => section.settings);
}

export function stateFromConfig(config: Config, schema: AdminSchema): Values {
    const values: Values = {};
    for (const setting of allSettings(schema)) {
        if (setting.key) {
            values[setting.key] = getConfigValue(config, setting.key) ?? undefined;
        }
    }
    return values;
}

// What an input shows for a config value: settings hold strings, numbers and booleans.
function valueText(value: unknown): string {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

// generated_setting.tsx: a new random value, made URL-safe as handleGeneratedChange does.
function generatedValue(): string {
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

interface Props {
    schema: AdminSchema;
    config: Config;
    access: ConsoleAccess;
    onSaved: (config: Config) => void;
}

export function SchemaPage({schema, config, access, onSaved}: Props) {
    const intl = useConnectIntl();
    const [values, setValues] = useState<Values>(() => stateFromConfig(config, schema));
    const [saveNeeded, setSaveNeeded] = useState(false);
    const [saving, setSaving] = useState(false);
    const [serverError, setServerError] = useState<string | null>(null);

    const text = (value: string | MessageDescriptor | undefined): string => {
        if (!value) {
            return '';
        }
        return typeof value === 'string' ? value : intl.formatMessage(value);
    };
    const node = (value: unknown): ReactNode => {
        if (value === undefined || value === null || typeof value === 'string' || isValidElement(value)) {
            return value;
        }
        return intl.formatMessage(value);
    };
    const handleChange = (id: string, value: unknown) => {
        setValues((current) => ({...current, [id]: value}));
        setSaveNeeded(true);
    };
    const disabled = (setting: AdminSetting) => evaluate(setting.isDisabled, config, values, access);

    const save = async () => {
        setSaving(true);
        setServerError(null);
        const next = structuredClone(config);
        for (const setting of allSettings(schema)) {
            if (setting.key && setting.type !== 'banner') {
                setConfigValue(next, setting.key, setting.type === 'bool' && disabled(setting) ? false : values[setting.key]);
            }
        }
        try {
            const saved = await Client4.patchConfig(next) as unknown as Config;
            setValues(stateFromConfig(saved, schema));
            setSaveNeeded(false);
            onSaved(saved);
        } catch (err) {
            setServerError(err instanceof Error ? err.message : String(err));
        } finally {
            setSaving(false);
        }
    };

    const renderSetting = (setting: AdminSetting): ReactNode => {
        if (evaluate(setting.isHidden, config, values, access)) {
            return null;
        }
        const key = setting.key ?? '';
        const help = <div className='help-text'>{node(setting.help_text)}</div>;
        const row = (control: ReactNode, labelFor: string | undefined = key) => (
            <div
                key={key}
                className='form-group'
                data-testid={key}
            >
                <label
                    className='control-label col-sm-4'
                    htmlFor={labelFor}
                >
                    {text(setting.label)}
                </label>
                <div className='col-sm-8'>
                    {control}
                    {help}
                </div>
            </div>
        );
        switch (setting.type) {
        case 'text':
        case 'number':
        case 'longtext': {
            const common = {
                id: key,
                className: 'form-control',
                value: valueText(values[key] ?? setting.default),
                placeholder: text(setting.placeholder),
                disabled: disabled(setting),
            };
            if (setting.type === 'longtext') {
                return row(
                    <textarea
                        {...common}
                        rows={5}
                        onChange={(event) => handleChange(key, event.target.value)}
                    />,
                );
            }
            return row(
                <input
                    {...common}
                    type={setting.type === 'number' ? 'number' : 'text'}
                    onChange={(event) => handleChange(key, setting.type === 'number' ? Number(event.target.value) : event.target.value)}
                />,
            );
        }
        case 'bool': {
            const value = (values[key] ?? setting.default ?? false) === true;
            return (
                <div
                    key={key}
                    className='form-group'
                    data-testid={key}
                    role='radiogroup'
                    aria-labelledby={`${key}-label`}
                >
                    <span
                        id={`${key}-label`}
                        className='control-label col-sm-4'
                    >
                        {text(setting.label)}
                    </span>
                    <div className='col-sm-8'>
                        {[true, false].map((choice) => (
                            <label
                                key={String(choice)}
                                className='radio-inline'
                            >
                                <input
                                    type='radio'
                                    name={key}
                                    checked={value === choice}
                                    disabled={disabled(setting)}
                                    onChange={() => handleChange(key, choice)}
                                />
                                {choice ? 'True' : 'False'}
                            </label>
                        ))}
                        {help}
                    </div>
                </div>
            );
        }
        case 'dropdown': {
            const options = setting.options ?? [];
            return row(
                <select
                    id={key}
                    className='form-control'
                    value={valueText(values[key] ?? setting.default ?? options[0]?.value)}
                    disabled={disabled(setting)}
                    onChange={(event) => handleChange(key, event.target.value)}
                >
                    {options.map((option) => (
                        <option
                            key={option.value}
                            value={option.value}
                        >
                            {text(option.display_name)}
                        </option>
                    ))}
                </select>,
            );
        }
        case 'generated':
            return row(
                <>
                    <input
                        id={key}
                        className='form-control'
                        value={valueText(values[key])}
                        readOnly={true}
                        disabled={disabled(setting)}
                    />
                    <button
                        type='button'
                        className='btn btn-tertiary'
                        disabled={disabled(setting)}
                        onClick={() => handleChange(key, generatedValue())}
                    >
                        {'Regenerate'}
                    </button>
                </>,
            );
        case 'custom': {
            const Component = setting.component;
            if (!Component) {
                return null;
            }
            const instance = (
                <Component
                    key={key}
                    id={key}
                    label={text(setting.label)}
                    helpText={node(setting.help_text)}
                    value={values[key]}
                    disabled={disabled(setting)}
                    config={config}
                    license={{}}
                    setByEnv={false}
                    onChange={handleChange}
                    registerSaveAction={() => undefined}
                    unRegisterSaveAction={() => undefined}
                    setSaveNeeded={() => setSaveNeeded(true)}
                    cancelSubmit={() => undefined}
                    showConfirm={false}
                />
            );
            return setting.showTitle ? row(instance) : instance;
        }
        case 'banner':
            return disabled(setting) ? null : (
                <div
                    key={`banner-${text(setting.label)}`}
                    className={`banner ${setting.banner_type ?? ''}`}
                >
                    <div className='banner__content'>{text(setting.label)}</div>
                </div>
            );
        }
        return null;
    };

    const renderSection = (section: AdminSection) => {
        const settings = section.settings.map(renderSetting);
        if (section.key.startsWith('PluginSettings.PluginStates') && section.key.endsWith('Enable.Section')) {
            return (
                <div
                    key={section.key}
                    className='admin-console__wrapper'
                >
                    {settings}
                </div>
            );
        }
        return (
            <div
                key={section.key}
                className='config-section'
                data-section={section.key}
            >
                <div className='admin-console__wrapper'>
                    <div className='admin-console__content'>
                        <div className='section-header'>
                            {section.title ? <div className='section-title'>{node(section.title)}</div> : null}
                            {section.subtitle ? <div className='section-subtitle'>{node(section.subtitle)}</div> : null}
                        </div>
                        <div className='section-body'>
                            {section.header ? <div className='banner'>{section.header}</div> : null}
                            {settings}
                            {section.footer ? <div className='banner'>{section.footer}</div> : null}
                        </div>
                    </div>
                </div>
            </div>
        );
    };

    return (
        <form
            className='wrapper--fixed devhost-schema-page'
            onSubmit={(event) => {
                event.preventDefault();
                void save();
            }}
        >
            <h1 className='admin-console__header'>{text(schema.name)}</h1>
            <div className='admin-console__wrapper'>
                {schema.sections ? schema.sections.map(renderSection) : (
                    <div className='admin-console__content'>
                        {schema.header ? <div className='banner'>{schema.header}</div> : null}
                        {(schema.settings ?? []).map(renderSetting)}
                    </div>
                )}
                {schema.footer ? <div className='banner'>{schema.footer}</div> : null}
            </div>
            <div className='admin-console-save'>
                <button
                    type='submit'
                    className='btn btn-primary'
                    disabled={!saveNeeded || saving}
                >
                    {saving ? 'Saving Config...' : 'Save'}
                </button>
                {serverError ? (
                    <p
                        className='error-message'
                        role='alert'
                    >
                        {serverError}
                    </p>
                ) : null}
            </div>
        </form>
    );
}
