import React, {type MouseEvent, type ReactNode} from 'react';

import {browserHistory} from './history';

// react-router's <Link>: an ordinary link whose plain click navigates inside the app.
export function Link({to, className, children}: {to: string; className?: string; children: ReactNode}) {
    const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
            return;
        }
        event.preventDefault();
        browserHistory.push(to);
    };
    return (
        <a
            href={to}
            className={className}
            onClick={onClick}
        >
            {children}
        </a>
    );
}
