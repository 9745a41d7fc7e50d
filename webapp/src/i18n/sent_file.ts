import {defineMessages, type IntlShape} from 'react-intl';

const messages = defineMessages({
    sentFile: {id: 'connect.preview.sent_file', defaultMessage: 'Sent a file'},
});

// The conversation list's preview of a message that is only files: the server's contract says it
// in English (server/conversations/preview.go), as does the client's own (state/reducer.ts
// previewText); shown in the reader's language.
export const contractSentFile = 'Sent a file';

export function sentFileText(intl: IntlShape): string {
    return intl.formatMessage(messages.sentFile);
}

export function previewInLanguage(intl: IntlShape, preview: string): string {
    return preview === contractSentFile ? sentFileText(intl) : preview;
}
