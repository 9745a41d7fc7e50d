// Mattermost's theme variables, so the plugin follows the user's theme. The fallbacks are
// Mattermost's default theme, for pages outside the web app (the standalone workspace).
export const themeColors = {
    centerChannelBg: 'var(--center-channel-bg, #ffffff)',
    centerChannelColor: 'var(--center-channel-color, #3f4350)',
    mutedText: 'rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.72)',
    subtleBorder: 'rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.16)',
    buttonBg: 'var(--button-bg, #1c58d9)',
    buttonColor: 'var(--button-color, #ffffff)',
    linkColor: 'var(--link-color, #386fe5)',
} as const;

export const fontStack = '"Open Sans", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif';
