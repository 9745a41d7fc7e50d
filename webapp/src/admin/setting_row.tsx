import React, {type ReactNode} from 'react';

interface Props {
    inputId: string;
    label: ReactNode;
    helpText?: ReactNode;
    children: ReactNode;
}

// One row of a System Console page, laid out as the web app lays out its settings
// (webapp/channels/src/components/admin_console/setting.tsx): the label in the left column, the
// control and its help text in the right one. Connect's custom settings are registered without
// showTitle and draw this row themselves, so their label is translated like the rest.
export function SettingRow({inputId, label, helpText, children}: Props) {
    return (
        <div
            className='form-group cc-admin-setting'
            data-testid={inputId}
        >
            <label
                className='control-label col-sm-4'
                htmlFor={inputId}
            >
                {label}
            </label>
            <div className='col-sm-8'>
                {children}
                {helpText ? <div className='help-text'>{helpText}</div> : null}
            </div>
        </div>
    );
}
