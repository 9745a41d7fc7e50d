import type {CSSProperties} from 'react';

import {fontStack, themeColors} from '../theme';

export const sidebarStyles = {
    region: {
        display: 'flex',
        flexDirection: 'column',
        gap: 12,
        height: '100%',
        boxSizing: 'border-box',
        padding: 16,
        background: themeColors.centerChannelBg,
        color: themeColors.centerChannelColor,
        fontFamily: fontStack,
    },
    heading: {
        margin: 0,
        fontSize: 16,
        fontWeight: 600,
        lineHeight: '24px',
    },
    signedInAs: {
        margin: 0,
        fontSize: 12,
        color: themeColors.mutedText,
    },
    emptyState: {
        margin: 0,
        padding: '24px 0',
        textAlign: 'center',
        fontSize: 14,
        color: themeColors.mutedText,
        borderTop: `1px solid ${themeColors.subtleBorder}`,
    },
} satisfies Record<string, CSSProperties>;
