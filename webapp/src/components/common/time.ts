import {useEffect, useState} from 'react';

const minute = 60_000;
const hour = 60 * minute;

export function startOfDay(ms: number): number {
    const date = new Date(ms);
    date.setHours(0, 0, 0, 0);
    return date.getTime();
}

// The sidebar's short times: "now", "5m", "3h", then "Yesterday", a weekday, or a date.
export function formatRelativeTime(ms: number, now: number): string {
    const elapsed = now - ms;
    if (elapsed < minute) {
        return 'now';
    }
    if (elapsed < hour) {
        return `${Math.floor(elapsed / minute)}m`;
    }
    const today = startOfDay(now);
    if (ms >= today) {
        return `${Math.floor(elapsed / hour)}h`;
    }
    const days = Math.round((today - startOfDay(ms)) / (24 * hour));
    if (days === 1) {
        return 'Yesterday';
    }
    const date = new Date(ms);
    if (days < 7) {
        return date.toLocaleDateString(undefined, {weekday: 'short'});
    }
    const sameYear = date.getFullYear() === new Date(now).getFullYear();
    return date.toLocaleDateString(undefined, sameYear ? {month: 'short', day: 'numeric'} : {year: 'numeric', month: 'short', day: 'numeric'});
}

// A conversation's day separators: "Today", "Yesterday", "Monday, March 2" (the year when not this one).
export function formatDay(ms: number, now: number): string {
    const days = Math.round((startOfDay(now) - startOfDay(ms)) / (24 * hour));
    if (days === 0) {
        return 'Today';
    }
    if (days === 1) {
        return 'Yesterday';
    }
    const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
    return new Date(ms).toLocaleDateString(undefined, sameYear ? {weekday: 'long', month: 'long', day: 'numeric'} : {weekday: 'long', year: 'numeric', month: 'long', day: 'numeric'});
}

export function formatMessageTime(ms: number): string {
    return new Date(ms).toLocaleTimeString(undefined, {hour: 'numeric', minute: '2-digit'});
}

export function formatFullTime(ms: number): string {
    return new Date(ms).toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'});
}

// The current time, updated every interval, so relative times age while shown.
export function useNow(intervalMs = minute): number {
    const [now, setNow] = useState(() => Date.now());
    useEffect(() => {
        const timer = setInterval(() => setNow(Date.now()), intervalMs);
        return () => clearInterval(timer);
    }, [intervalMs]);
    return now;
}
