import React, {type ReactNode} from 'react';

interface Props {
    rowId: string;
    label: ReactNode;
    helpText?: ReactNode;
    children: ReactNode;
}

// One row of a System Console page, laid out as the web app lays out its settings
// (webapp/channels/src/components/admin_console/setting.tsx): the label in the left column, the
// control and its help text in the right one. Connect's custom settings are registered without
// showTitle and draw this row themselves, so their label is translated like the rest. Their
// control is a button with what it found, so the label names the group, not the button.
export function SettingRow({rowId, label, helpText, children}: Props) {
    const labelId = `${rowId}-label`;
    return (
        <div
            className='form-group cc-admin-setting'
            data-testid={rowId}
        >
            <span
                id={labelId}
                className='control-label col-sm-4'
            >
                {label}
            </span>
            <div
                className='col-sm-8'
                role='group'
                aria-labelledby={labelId}
            >
                {children}
                {helpText ? <div className='help-text'>{helpText}</div> : null}
            </div>
        </div>
    );
}
