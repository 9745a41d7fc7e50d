// Every date and time Connect shows, in the user's language and Mattermost time zone, by the rules
// of the web app's Timestamp (webapp/channels/src/components/timestamp/timestamp.tsx and
// relative_ranges.tsx): "now" within 45 seconds, minutes within 59, hours within 23¾, then the
// day (yesterday, a weekday within the week) or the date, with the year when not this one.
import {useEffect, useMemo, useState} from 'react';
import {defineMessages, type IntlShape} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {useOptionalConnectEnvironment} from '../connect_context';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

const messages = defineMessages({
    now: {id: 'connect.time.now', defaultMessage: 'now'},
    minutesShort: {id: 'connect.time.minutes_short', defaultMessage: '{count}m'},
    hoursShort: {id: 'connect.time.hours_short', defaultMessage: '{count}h'},
    today: {id: 'connect.time.today', defaultMessage: 'Today'},
    yesterday: {id: 'connect.time.yesterday', defaultMessage: 'Yesterday'},
});

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

// Formats in the zone, or in the browser's when the zone is unknown to it (the web app falls back
// to moment there, which knows no more zones than the browser).
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions, timeZone: string | undefined): Intl.DateTimeFormat {
    try {
        return new Intl.DateTimeFormat(locale, {...options, timeZone});
    } catch {
        return new Intl.DateTimeFormat(locale, options);
    }
}

// The calendar day, as days since 1970-01-01, that the moment falls on in the zone.
export function calendarDay(ms: number, timeZone?: string): number {
    const key = timeZone ?? '';
    let formatter = dayFormatters.get(key);
    if (!formatter) {
        formatter = dateTimeFormat('en-US', {year: 'numeric', month: 'numeric', day: 'numeric'}, timeZone);
        dayFormatters.set(key, formatter);
    }
    const parts = formatter.formatToParts(new Date(ms));
    const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
    return Math.round(Date.UTC(part('year'), part('month') - 1, part('day')) / day);
}

export interface TimeFormat {
    // The sidebar's short times: "now", "5m", "3h", "Yesterday", a weekday, a date.
    short: (ms: number, now: number) => string;

    // A conversation's day separators: "Today", "Yesterday", "Monday, March 2".
    day: (ms: number, now: number) => string;

    // A message's time: "10:42 AM" (14:05 in French).
    time: (ms: number) => string;

    // The whole moment, for tooltips: "Mar 2, 2026, 10:42 AM".
    full: (ms: number) => string;

    // A moment as the web app's post times read: "now", "5 minutes ago", "3 hours ago",
    // "yesterday", then the date ("Nov 20" or "Nov 20, 2025").
    relative: (ms: number, now: number) => string;

    // The calendar day in the user's zone, to tell days apart.
    dayOf: (ms: number) => number;
}

export function timeFormat(intl: IntlShape, timeZone: string | undefined): TimeFormat {
    const {locale} = intl;
    const format = (ms: number, options: Intl.DateTimeFormatOptions) => dateTimeFormat(locale, options, timeZone).format(new Date(ms));
    const dayOf = (ms: number) => calendarDay(ms, timeZone);
    const sameYear = (ms: number, now: number) => format(ms, {year: 'numeric'}) === format(now, {year: 'numeric'});
    const date = (ms: number, now: number, month: 'short' | 'long') => format(ms, sameYear(ms, now) ? {month, day: 'numeric'} : {year: 'numeric', month, day: 'numeric'});

    return {
        short(ms, now) {
            const elapsed = now - ms;
            if (elapsed < minute) {
                return intl.formatMessage(messages.now);
            }
            if (elapsed < hour) {
                return intl.formatMessage(messages.minutesShort, {count: Math.floor(elapsed / minute)});
            }
            const days = dayOf(now) - dayOf(ms);
            if (days <= 0) {
                return intl.formatMessage(messages.hoursShort, {count: Math.floor(elapsed / hour)});
            }
            if (days === 1) {
                return intl.formatMessage(messages.yesterday);
            }
            return days < 7 ? format(ms, {weekday: 'short'}) : date(ms, now, 'short');
        },
        day(ms, now) {
            const days = dayOf(now) - dayOf(ms);
            if (days === 0) {
                return intl.formatMessage(messages.today);
            }
            if (days === 1) {
                return intl.formatMessage(messages.yesterday);
            }
            const options: Intl.DateTimeFormatOptions = {weekday: 'long', month: 'long', day: 'numeric'};
            return format(ms, sameYear(ms, now) ? options : {...options, year: 'numeric'});
        },
        time: (ms) => format(ms, {hour: 'numeric', minute: '2-digit'}),
        full: (ms) => format(ms, {dateStyle: 'medium', timeStyle: 'short'}),
        relative(ms, now) {
            const elapsed = now - ms;
            if (elapsed < 45 * second) {
                return intl.formatRelativeTime(0, 'second', {numeric: 'auto'});
            }
            if (elapsed < 59.5 * minute) {
                return intl.formatRelativeTime(-Math.round(elapsed / minute), 'minute', {numeric: 'auto'});
            }
            if (elapsed < 23.75 * hour) {
                return intl.formatRelativeTime(-Math.round(elapsed / hour), 'hour', {numeric: 'auto'});
            }
            if (dayOf(now) - dayOf(ms) === 1) {
                return intl.formatRelativeTime(-1, 'day', {numeric: 'auto'});
            }
            return date(ms, now, 'short');
        },
        dayOf,
    };
}

// The user's time zone in Mattermost, or the browser's where the page knows none.
export function useTimeZone(): string | undefined {
    return useOptionalConnectEnvironment()?.timeZone?.();
}

export function useTimeFormat(): TimeFormat {
    const intl = useConnectIntl();
    const timeZone = useTimeZone();
    return useMemo(() => timeFormat(intl, timeZone), [intl, timeZone]);
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
