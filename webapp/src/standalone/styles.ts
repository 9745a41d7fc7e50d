import type {CSSProperties} from 'react';

import {fontStack, themeColors} from '../components/theme';

export const workspaceStyles = {
    shell: {
        display: 'flex',
        flexDirection: 'column',
        minHeight: '100vh',
        background: themeColors.centerChannelBg,
        color: themeColors.centerChannelColor,
        fontFamily: fontStack,
    },
    header: {
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 16,
        padding: '12px 24px',
        background: themeColors.buttonBg,
        color: themeColors.buttonColor,
    },
    title: {
        margin: 0,
        fontSize: 18,
        fontWeight: 600,
    },
    user: {
        fontSize: 14,
        fontWeight: 600,
    },
    main: {
        flex: 1,
        padding: 24,
    },
    message: {
        margin: 0,
        fontSize: 14,
        color: themeColors.mutedText,
    },
} satisfies Record<string, CSSProperties>;
