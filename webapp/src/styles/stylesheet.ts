import {useEffect} from 'react';

import {fontStack} from './theme';

// One stylesheet for the sidebar, the people picker and the mini windows. Inline styles cannot say
// :hover, :focus-visible or :focus-within, which the hover "x" and the focus rings need. Colours
// are Mattermost's theme variables, with the default theme as fallback outside the web app.
const ccc = 'var(--center-channel-color-rgb, 63, 67, 80)';
const button = 'var(--button-bg-rgb, 28, 88, 217)';

export const connectStylesheet = `
.cc-sidebar, .cc-dock, .cc-app-bar-badge {
    font-family: ${fontStack};
    color: var(--center-channel-color, #3f4350);
    box-sizing: border-box;
}
.cc-sidebar *, .cc-dock * { box-sizing: border-box; }
.cc-sidebar :focus-visible, .cc-dock :focus-visible {
    outline: 2px solid var(--button-bg, #1c58d9);
    outline-offset: 1px;
}
.cc-visually-hidden {
    position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
}

.cc-sidebar {
    display: flex; flex-direction: column; height: 100%; min-height: 0;
    background: var(--center-channel-bg, #ffffff);
}
.cc-sidebar-header { display: flex; align-items: center; gap: 2px; padding: 10px 8px 8px 16px; }
.cc-sidebar-title {
    flex: 1; margin: 0; display: flex; align-items: center; gap: 8px;
    font-size: 16px; font-weight: 600; line-height: 24px;
}

.cc-icon-button {
    display: inline-grid; place-items: center; flex-shrink: 0;
    width: 32px; height: 32px; padding: 0; border: 0; border-radius: 4px;
    background: transparent; color: rgba(${ccc}, 0.64); cursor: pointer;
}
.cc-icon-button:hover { background: rgba(${ccc}, 0.08); color: rgba(${ccc}, 1); }
.cc-icon-button[aria-disabled="true"] { opacity: 0.48; cursor: not-allowed; }
.cc-icon-button[aria-disabled="true"]:hover { background: transparent; }
.cc-icon-button--small { width: 20px; height: 20px; border-radius: 10px; }

.cc-button {
    padding: 8px 16px; border: 1px solid transparent; border-radius: 4px;
    font: inherit; font-size: 14px; font-weight: 600; cursor: pointer;
    background: var(--button-bg, #1c58d9); color: var(--button-color, #ffffff);
}
.cc-button:disabled { opacity: 0.48; cursor: not-allowed; }
.cc-button--secondary {
    background: transparent; color: var(--button-bg, #1c58d9);
    border-color: rgba(${button}, 0.48);
}

.cc-badge {
    display: inline-grid; place-items: center; min-width: 20px; height: 20px; padding: 0 6px;
    border-radius: 10px; font-size: 11px; font-weight: 700; line-height: 1;
    background: var(--button-bg, #1c58d9); color: var(--button-color, #ffffff);
}

.cc-alert {
    margin: 0; padding: 8px 12px; border-radius: 4px; font-size: 13px;
    background: rgba(210, 75, 78, 0.08); color: var(--error-text, #d24b4e);
}
.cc-status { margin: 0; padding: 8px 16px; font-size: 13px; color: rgba(${ccc}, 0.64); }

.cc-filter { padding: 0 12px 8px; }
.cc-filter label { position: relative; display: block; }
.cc-filter-icon { position: absolute; left: 10px; top: 9px; opacity: 0.56; }
.cc-filter .cc-input { padding-left: 32px; }
.cc-sidebar > .cc-alert { margin: 0 12px 8px; }
.cc-input {
    width: 100%; padding: 7px 12px; border: 1px solid rgba(${ccc}, 0.24); border-radius: 4px;
    font: inherit; font-size: 14px;
    background: var(--center-channel-bg, #ffffff); color: var(--center-channel-color, #3f4350);
}
.cc-input:focus { border-color: var(--button-bg, #1c58d9); }
.cc-sidebar-section-title {
    margin: 8px 16px 4px; font-size: 12px; font-weight: 600; text-transform: uppercase;
    color: rgba(${ccc}, 0.64);
}

.cc-list { list-style: none; margin: 0; padding: 0 0 8px; overflow-y: auto; flex: 1; min-height: 0; }
.cc-row { position: relative; }
.cc-row-main {
    display: flex; align-items: center; gap: 12px; width: 100%;
    padding: 8px 16px; border: 0; background: transparent; color: inherit;
    font: inherit; text-align: left; cursor: pointer;
}
.cc-row-main:hover { background: rgba(${ccc}, 0.08); }
.cc-row-text { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 2px; }
.cc-row-name, .cc-row-preview { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.cc-row-name { font-size: 14px; font-weight: 600; }
.cc-row-preview { font-size: 13px; color: rgba(${ccc}, 0.64); }
.cc-row--unread .cc-row-preview { color: var(--center-channel-color, #3f4350); font-weight: 600; }
.cc-row-meta { display: flex; flex-direction: column; align-items: flex-end; gap: 4px; min-width: 40px; }
.cc-row-time { font-size: 12px; color: rgba(${ccc}, 0.64); white-space: nowrap; }
.cc-row-close { position: absolute; right: 12px; top: 50%; transform: translateY(-50%); opacity: 0; }
.cc-row:hover .cc-row-close, .cc-row:focus-within .cc-row-close { opacity: 1; }
.cc-row:hover .cc-row-meta, .cc-row:focus-within .cc-row-meta { visibility: hidden; }

.cc-avatar {
    flex-shrink: 0; display: grid; place-items: center; overflow: hidden; border-radius: 50%;
    object-fit: cover; font-size: 12px; font-weight: 600;
    background: rgba(${ccc}, 0.12); color: rgba(${ccc}, 0.8);
}
.cc-avatar--group { background: rgba(${button}, 0.12); color: var(--button-bg, #1c58d9); }

.cc-empty {
    display: flex; flex-direction: column; align-items: center; gap: 16px;
    padding: 40px 24px; text-align: center;
}
.cc-empty p { margin: 0; font-size: 14px; color: rgba(${ccc}, 0.72); }

.cc-picker {
    display: flex; flex-direction: column; gap: 8px; margin: 0 12px 12px; padding: 12px;
    border: 1px solid rgba(${ccc}, 0.16); border-radius: 8px;
    background: var(--center-channel-bg, #ffffff); color: var(--center-channel-color, #3f4350);
    box-shadow: 0 4px 12px rgba(0, 0, 0, 0.08); font-size: 14px;
}
.cc-picker-title { margin: 0; font-size: 14px; font-weight: 600; }
.cc-picker-hint { margin: 0; font-size: 12px; color: rgba(${ccc}, 0.64); }
.cc-picker-field {
    display: flex; flex-wrap: wrap; align-items: center; gap: 4px; padding: 4px;
    border: 1px solid rgba(${ccc}, 0.24); border-radius: 4px;
}
.cc-picker-field:focus-within { border-color: var(--button-bg, #1c58d9); box-shadow: 0 0 0 1px var(--button-bg, #1c58d9); }
.cc-picker-input {
    flex: 1; min-width: 120px; padding: 4px; border: 0; outline: none;
    font: inherit; background: transparent; color: inherit;
}
.cc-chip {
    display: inline-flex; align-items: center; gap: 2px; padding: 2px 2px 2px 8px;
    border-radius: 12px; background: rgba(${ccc}, 0.08); font-size: 13px;
}
.cc-suggestions {
    list-style: none; margin: 0; padding: 4px 0; max-height: 220px; overflow-y: auto;
    border: 1px solid rgba(${ccc}, 0.16); border-radius: 4px;
}
.cc-suggestion { display: flex; flex-direction: column; padding: 6px 12px; cursor: pointer; }
.cc-suggestion[aria-selected="true"] { background: rgba(${button}, 0.12); }
.cc-suggestion-username { font-size: 12px; color: rgba(${ccc}, 0.64); }
.cc-picker-actions { display: flex; justify-content: flex-end; gap: 8px; }

.cc-dock {
    position: fixed; bottom: 0; z-index: 100; display: flex; align-items: flex-end; gap: 8px;
    pointer-events: none;
}
.cc-dock > * { pointer-events: auto; }
.cc-window {
    position: relative; display: flex; flex-direction: column; width: 320px; height: 440px;
    max-height: calc(100vh - 72px);
    background: var(--center-channel-bg, #ffffff);
    border: 1px solid rgba(${ccc}, 0.16); border-bottom: 0; border-radius: 8px 8px 0 0;
    box-shadow: 0 4px 16px rgba(0, 0, 0, 0.16);
}
.cc-window--collapsed { height: auto; }
.cc-window--focused { box-shadow: 0 4px 16px rgba(0, 0, 0, 0.16), 0 0 0 2px rgba(${button}, 0.48); }
.cc-window-header {
    display: flex; align-items: center; gap: 4px; padding: 6px 4px 6px 10px;
    border-radius: 8px 8px 0 0;
    background: var(--sidebar-bg, #1e325c); color: var(--sidebar-text, #ffffff);
}
.cc-window-header .cc-icon-button { width: 28px; height: 28px; color: rgba(var(--sidebar-text-rgb, 255, 255, 255), 0.72); }
.cc-window-header .cc-icon-button:hover { background: rgba(var(--sidebar-text-rgb, 255, 255, 255), 0.16); color: var(--sidebar-text, #ffffff); }
.cc-window-header :focus-visible { outline-color: var(--sidebar-text, #ffffff); }
.cc-window-title {
    flex: 1; min-width: 0; margin: 0 0 0 4px; font-size: 14px; font-weight: 600;
    overflow: hidden; white-space: nowrap; text-overflow: ellipsis; cursor: default;
}
button.cc-window-title-button {
    padding: 2px 4px; border: 0; border-radius: 4px; background: transparent; color: inherit;
    font-family: inherit; text-align: left; cursor: text;
}
button.cc-window-title-button:hover { background: rgba(var(--sidebar-text-rgb, 255, 255, 255), 0.16); }
input.cc-window-title-input {
    padding: 2px 4px; border: 1px solid rgba(var(--sidebar-text-rgb, 255, 255, 255), 0.48); border-radius: 4px;
    background: rgba(0, 0, 0, 0.16); color: inherit; font-family: inherit;
}
input.cc-window-title-input::placeholder { color: rgba(var(--sidebar-text-rgb, 255, 255, 255), 0.56); }
.cc-members-head { display: flex; align-items: center; justify-content: space-between; }
.cc-members-list { list-style: none; margin: 0; padding: 0; max-height: 240px; overflow-y: auto; }
.cc-member { display: flex; align-items: center; gap: 8px; padding: 4px 0; }
.cc-member .cc-avatar { width: 24px; height: 24px; }
.cc-member-name { flex: 1; min-width: 0; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.cc-member-you { color: rgba(${ccc}, 0.64); }
.cc-member-action {
    padding: 2px 8px; border: 1px solid rgba(${ccc}, 0.24); border-radius: 4px; background: transparent;
    color: inherit; font: inherit; font-size: 12px; cursor: pointer;
}
.cc-member-action:hover { background: rgba(${ccc}, 0.08); }
.cc-member-action:disabled { opacity: 0.48; cursor: not-allowed; }
.cc-window-body { position: relative; flex: 1; min-height: 0; display: flex; flex-direction: column; }
.cc-window .cc-picker { margin: 8px; position: absolute; top: 0; left: 0; right: 0; z-index: 2; }
.cc-log { flex: 1; min-height: 0; overflow-y: auto; padding: 4px 12px 8px; display: flex; flex-direction: column; }
.cc-log-start { align-self: center; margin: 8px 0; font-size: 12px; color: rgba(${ccc}, 0.56); }
.cc-load-older {
    align-self: center; margin: 6px 0; padding: 2px 8px; border: 0; border-radius: 4px;
    background: transparent; color: var(--link-color, #386fe5); font: inherit; font-size: 12px; cursor: pointer;
}
.cc-message { display: flex; flex-direction: column; gap: 2px; padding: 1px 0; }
.cc-message-head { display: flex; align-items: baseline; gap: 8px; margin-top: 10px; }
.cc-message-author { font-size: 13px; font-weight: 600; }
.cc-message-time { font-size: 11px; color: rgba(${ccc}, 0.56); }
.cc-message-text { margin: 0; font-size: 14px; line-height: 20px; white-space: pre-wrap; overflow-wrap: anywhere; }
.cc-message--system .cc-message-text { font-size: 13px; font-style: italic; color: rgba(${ccc}, 0.64); }
.cc-card {
    display: flex; flex-direction: column; gap: 4px; margin-top: 4px; padding: 8px 10px;
    border: 1px solid rgba(${ccc}, 0.16); border-left-width: 4px; border-radius: 4px; font-size: 13px;
}
.cc-card-pretext, .cc-card-text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.cc-card-title { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.cc-card-title a { color: var(--link-color, #386fe5); }
.cc-card-fields { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 12px; margin: 0; }
.cc-card-field--long { grid-column: 1 / -1; }
.cc-card-fields dt { font-size: 12px; font-weight: 600; }
.cc-card-fields dd { margin: 0; overflow-wrap: anywhere; }
.cc-card-footer { margin: 0; font-size: 11px; color: rgba(${ccc}, 0.56); }
.cc-files { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.cc-file {
    display: inline-flex; align-items: center; gap: 6px; max-width: 100%; padding: 6px 10px;
    border: 1px solid rgba(${ccc}, 0.16); border-radius: 4px; font-size: 13px;
    color: var(--link-color, #386fe5); text-decoration: none; overflow-wrap: anywhere;
}
.cc-window-alert { margin: 0 8px 8px; }
.cc-window-status { margin: 0 12px 4px; font-size: 12px; color: rgba(${ccc}, 0.64); }
.cc-composer {
    display: flex; align-items: flex-end; gap: 4px; padding: 8px;
    border-top: 1px solid rgba(${ccc}, 0.16);
}
.cc-composer-input {
    flex: 1; min-height: 36px; max-height: 120px; padding: 7px 10px; resize: none;
    border: 1px solid rgba(${ccc}, 0.24); border-radius: 4px;
    font: inherit; font-size: 14px; line-height: 20px;
    background: var(--center-channel-bg, #ffffff); color: var(--center-channel-color, #3f4350);
}
.cc-composer-input:focus { border-color: var(--button-bg, #1c58d9); }
.cc-drop-overlay {
    position: absolute; inset: 0; z-index: 3; display: grid; place-items: center;
    border: 2px dashed var(--button-bg, #1c58d9); border-radius: 8px 8px 0 0;
    background: rgba(${button}, 0.12); color: var(--button-bg, #1c58d9);
    font-weight: 600; pointer-events: none;
}
.cc-overflow { position: relative; }
.cc-overflow-chip {
    height: 40px; padding: 0 16px; border: 1px solid rgba(${ccc}, 0.16); border-bottom: 0;
    border-radius: 8px 8px 0 0; font: inherit; font-weight: 600; cursor: pointer;
    background: var(--sidebar-bg, #1e325c); color: var(--sidebar-text, #ffffff);
    box-shadow: 0 4px 16px rgba(0, 0, 0, 0.16);
}
.cc-overflow-menu {
    position: absolute; bottom: calc(100% + 4px); left: 0; min-width: 220px; max-height: 320px;
    overflow-y: auto; list-style: none; margin: 0; padding: 4px 0;
    background: var(--center-channel-bg, #ffffff); border: 1px solid rgba(${ccc}, 0.16);
    border-radius: 4px; box-shadow: 0 8px 24px rgba(0, 0, 0, 0.12);
}
.cc-overflow-item {
    display: flex; align-items: center; gap: 8px; width: 100%; padding: 8px 12px; border: 0;
    background: transparent; color: inherit; font: inherit; font-size: 14px; text-align: left; cursor: pointer;
}
.cc-overflow-item:hover { background: rgba(${ccc}, 0.08); }
.cc-header-icon { position: relative; display: inline-grid; place-items: center; }
.cc-header-icon .cc-badge, .cc-app-bar-badge {
    min-width: 16px; height: 16px; padding: 0 4px; border-radius: 8px; font-size: 10px;
}
.cc-header-icon .cc-badge { position: absolute; top: -8px; right: -10px; }
.cc-app-bar-badge { position: fixed; z-index: 101; pointer-events: none; transform: translate(-60%, -40%); }
`;

export const stylesheetElementId = 'connect-chat-styles';

export function installStylesheet(doc: Document = document): void {
    if (doc.getElementById(stylesheetElementId)) {
        return;
    }
    const style = doc.createElement('style');
    style.id = stylesheetElementId;
    style.textContent = connectStylesheet;
    doc.head.appendChild(style);
}

export function removeStylesheet(doc: Document = document): void {
    doc.getElementById(stylesheetElementId)?.remove();
}

export function useConnectStylesheet(): void {
    useEffect(() => {
        installStylesheet();
    }, []);
}
