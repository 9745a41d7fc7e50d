// The web app's WithTooltip: the title shows beside the element while the pointer is on it or it
// has focus; it is not the element's accessible name.
import React, {useState, type ReactElement, type ReactNode} from 'react';

export function WithTooltip({title, children}: {title: ReactNode; children: ReactElement}) {
    const [shown, setShown] = useState(false);
    return (
        <div
            className='devhost-tooltip-anchor'
            onMouseEnter={() => setShown(true)}
            onMouseLeave={() => setShown(false)}
            onFocus={() => setShown(true)}
            onBlur={() => setShown(false)}
        >
            {children}
            {shown && <div role='tooltip' className='devhost-tooltip'>{title}</div>}
        </div>
    );
}
