import React from 'react';

// Two speech bubbles, the shape of assets/connect.svg drawn in the current text colour so it
// matches the other channel header icons.
export function ConnectIcon({size = 18}: {size?: number}) {
    return (
        <svg
            aria-hidden='true'
            focusable='false'
            width={size}
            height={size}
            viewBox='0 0 24 24'
            fill='currentColor'
        >
            <path d='M4 4h12a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2H9l-4 3.5V15H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z'/>
            <path
                opacity='0.6'
                d='M20 8h.5A1.5 1.5 0 0 1 22 9.5v7a1.5 1.5 0 0 1-1.5 1.5H20v3l-3.5-3H11a1.5 1.5 0 0 1-1.5-1.5V16H16a4 4 0 0 0 4-4V8z'
            />
        </svg>
    );
}
