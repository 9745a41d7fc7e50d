import {useEffect, useState} from 'react';

// Whether the page is in front (not a background tab or a minimised window).
export function usePageVisible(): boolean {
    const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
    useEffect(() => {
        const update = () => setVisible(document.visibilityState !== 'hidden');
        document.addEventListener('visibilitychange', update);
        return () => document.removeEventListener('visibilitychange', update);
    }, []);
    return visible;
}
