const presets = [15, 30, 60, 120, 240, 480, 720, 1440];

// The intervals to offer: the usual ones within the admin's range, its ends, and the current one.
export function intervalChoices(min: number, max: number, current: number): number[] {
    const choices = new Set([min, max, current, ...presets.filter((minutes) => minutes >= min && minutes <= max)]);
    return [...choices].sort((a, b) => a - b);
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

export function intervalLabel(minutes: number): string {
    if (minutes % 1440 === 0) {
        return plural(minutes / 1440, 'day');
    }
    if (minutes % 60 === 0) {
        return plural(minutes / 60, 'hour');
    }
    return plural(minutes, 'minute');
}
