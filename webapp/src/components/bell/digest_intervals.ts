import {defineMessages, type IntlShape} from 'react-intl';

const messages = defineMessages({
    days: {id: 'connect.digest.interval.days', defaultMessage: '{count, plural, one {# day} other {# days}}'},
    hours: {id: 'connect.digest.interval.hours', defaultMessage: '{count, plural, one {# hour} other {# hours}}'},
    minutes: {id: 'connect.digest.interval.minutes', defaultMessage: '{count, plural, one {# minute} other {# minutes}}'},
});

const presets = [15, 30, 60, 120, 240, 480, 720, 1440];

// The intervals to offer: the usual ones within the admin's range, its ends, and the current one.
export function intervalChoices(min: number, max: number, current: number): number[] {
    const choices = new Set([min, max, current, ...presets.filter((minutes) => minutes >= min && minutes <= max)]);
    return [...choices].sort((a, b) => a - b);
}

export function intervalLabel(intl: IntlShape, minutes: number): string {
    if (minutes % 1440 === 0) {
        return intl.formatMessage(messages.days, {count: minutes / 1440});
    }
    if (minutes % 60 === 0) {
        return intl.formatMessage(messages.hours, {count: minutes / 60});
    }
    return intl.formatMessage(messages.minutes, {count: minutes});
}
