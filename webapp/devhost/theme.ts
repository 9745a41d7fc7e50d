// utils/utils.tsx applyTheme: the web app puts the user's theme (mattermost-redux's getTheme, from the
// `theme` preference) on :root as CSS variables, a hex and an "r, g, b" variable per colour, and
// components/root/root.tsx applies it again whenever the theme changes. Plugins read these variables.
// (The web app also sets legacy variables with baked-in opacity and rewrites some of its own CSS
// rules; plugins are told not to use those, so the dev host leaves them out.)
import {useEffect} from 'react';
import {useSelector} from 'react-redux';

import {getTheme, type Theme} from 'mattermost-redux/selectors/entities/preferences';
import {blendColors} from 'mattermost-redux/utils/theme_utils';

// '#ffffff' → '255, 255, 255' (utils.tsx toRgbValues).
function rgb(hex: string): string {
    return [1, 3, 5].map((start) => parseInt(hex.substring(start, start + 2), 16)).join(', ');
}

// 'rgba(1,2,3,0.5)' → '1,2,3' (utils.tsx dropAlpha).
function dropAlpha(value: string): string {
    return value.substring(value.indexOf('(') + 1).split(',', 3).join(',');
}

export function themeVariables(theme: Theme): Record<string, string> {
    return {
        'away-indicator-rgb': rgb(theme.awayIndicator),
        'button-bg-rgb': rgb(theme.buttonBg),
        'button-color-rgb': rgb(theme.buttonColor),
        'center-channel-bg-rgb': rgb(theme.centerChannelBg),
        'center-channel-color-rgb': rgb(theme.centerChannelColor),
        'dnd-indicator-rgb': rgb(theme.dndIndicator),
        'error-text-color-rgb': rgb(theme.errorTextColor),
        'link-color-rgb': rgb(theme.linkColor),
        'mention-bg-rgb': rgb(theme.mentionBg),
        'mention-color-rgb': rgb(theme.mentionColor),
        'mention-highlight-bg-rgb': rgb(theme.mentionHighlightBg),
        'mention-highlight-link-rgb': rgb(theme.mentionHighlightLink),
        'mention-highlight-bg-mixed-rgb': dropAlpha(blendColors(theme.centerChannelBg, theme.mentionHighlightBg, 0.5)),
        'pinned-highlight-bg-mixed-rgb': dropAlpha(blendColors(theme.centerChannelBg, theme.mentionHighlightBg, 0.24)),
        'own-highlight-bg-rgb': dropAlpha(blendColors(theme.mentionHighlightBg, theme.centerChannelColor, 0.05)),
        'new-message-separator-rgb': rgb(theme.newMessageSeparator),
        'online-indicator-rgb': rgb(theme.onlineIndicator),
        'sidebar-bg-rgb': rgb(theme.sidebarBg),
        'sidebar-header-bg-rgb': rgb(theme.sidebarHeaderBg),
        'sidebar-teambar-bg-rgb': rgb(theme.sidebarTeamBarBg),
        'sidebar-header-text-color-rgb': rgb(theme.sidebarHeaderTextColor),
        'sidebar-text-rgb': rgb(theme.sidebarText),
        'sidebar-text-active-border-rgb': rgb(theme.sidebarTextActiveBorder),
        'sidebar-text-active-color-rgb': rgb(theme.sidebarTextActiveColor),
        'sidebar-text-hover-bg-rgb': rgb(theme.sidebarTextHoverBg),
        'sidebar-unread-text-rgb': rgb(theme.sidebarUnreadText),
        'sidebar-bg': theme.sidebarBg,
        'sidebar-text': theme.sidebarText,
        'sidebar-unread-text': theme.sidebarUnreadText,
        'sidebar-text-hover-bg': theme.sidebarTextHoverBg,
        'sidebar-text-active-border': theme.sidebarTextActiveBorder,
        'sidebar-text-active-color': theme.sidebarTextActiveColor,
        'sidebar-header-bg': theme.sidebarHeaderBg,
        'sidebar-teambar-bg': theme.sidebarTeamBarBg,
        'sidebar-header-text-color': theme.sidebarHeaderTextColor,
        'online-indicator': theme.onlineIndicator,
        'away-indicator': theme.awayIndicator,
        'dnd-indicator': theme.dndIndicator,
        'mention-bg': theme.mentionBg,
        'mention-color': theme.mentionColor,
        'center-channel-bg': theme.centerChannelBg,
        'center-channel-color': theme.centerChannelColor,
        'new-message-separator': theme.newMessageSeparator,
        'link-color': theme.linkColor,
        'button-bg': theme.buttonBg,
        'button-color': theme.buttonColor,
        'error-text': theme.errorTextColor,
        'mention-highlight-bg': theme.mentionHighlightBg,
        'mention-highlight-link': theme.mentionHighlightLink,
    };
}

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
    for (const [name, value] of Object.entries(themeVariables(theme))) {
        root.style.setProperty(`--${name}`, value);
    }
}

// The signed-in user's theme on the page, again whenever it changes (root.tsx componentDidUpdate).
export function useAppliedTheme(): void {
    const theme = useSelector(getTheme);
    useEffect(() => applyTheme(theme), [theme]);
}
