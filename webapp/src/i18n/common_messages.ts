import {defineMessages} from 'react-intl';

// Words several parts of Connect say the same way.
export const commonMessages = defineMessages({
    tryAgain: {id: 'connect.common.try_again', defaultMessage: 'Try again'},
    cancel: {id: 'connect.common.cancel', defaultMessage: 'Cancel'},
    close: {id: 'connect.common.close', defaultMessage: 'Close'},
    save: {id: 'connect.common.save', defaultMessage: 'Save'},
    searching: {id: 'connect.common.searching', defaultMessage: 'Searching…'},
    loading: {id: 'connect.common.loading', defaultMessage: 'Loading…'},
});
