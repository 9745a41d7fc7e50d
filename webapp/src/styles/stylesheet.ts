import {useEffect} from 'react';

import {pluginId} from '../manifest';

import connectCss from './connect.css?inline';

// Mattermost loads only main.js, so the CSS travels inside the bundle (see build.mjs) and goes
// into one <style> element, which uninitialize takes out again.
export const stylesheetElementId = `${pluginId}-styles`;

export function installStylesheet(doc: Document = document): void {
    if (doc.getElementById(stylesheetElementId)) {
        return;
    }
    const style = doc.createElement('style');
    style.id = stylesheetElementId;
    style.textContent = connectCss;
    doc.head.appendChild(style);
}

export function removeStylesheet(doc: Document = document): void {
    doc.getElementById(stylesheetElementId)?.remove();
}

// For the registered components: the web app may mount them again after the plugin was
// uninitialized and initialized, without loading main.js again.
export function useConnectStylesheet(): void {
    useEffect(() => {
        installStylesheet();
    }, []);
}
