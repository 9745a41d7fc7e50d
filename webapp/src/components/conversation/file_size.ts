import {defineMessages, type IntlShape} from 'react-intl';

const messages = defineMessages({
    size: {id: 'connect.file.size', defaultMessage: '{size, number} {unit, select, B {B} KB {KB} MB {MB} other {GB}}'},
});

// A file's size as the chips show it: "512 B", "14 KB", "2.3 MB" (1 KB = 1024 bytes, as Mattermost
// says), with the language's own units and decimal mark ("2,3 Mo").
export function formatFileSize(intl: IntlShape, bytes: number): string {
    const units = ['B', 'KB', 'MB', 'GB'];
    let size = Math.max(bytes, 0);
    let unit = 0;
    while (size >= 1024 && unit < units.length - 1) {
        size /= 1024;
        unit += 1;
    }
    const shown = unit === 0 || size >= 10 ? Math.round(size) : Math.round(size * 10) / 10;
    return intl.formatMessage(messages.size, {size: shown, unit: units[unit]});
}
