// The window event that asks the workspace to open a conversation (detail: its id), sent when a
// browser notification is clicked.
export const openConversationEvent = 'connect-chat:open-conversation';
