import {conversationReceived} from '../../state/actions';
import {showConversation, type ConnectDeps} from '../../state/operations';
import {openConversationEvent} from '../workspace/open_conversation_event';

// Opens the record conversation people were just brought into: the workspace, when it is showing,
// selects it (it takes the open-conversation request); elsewhere it opens in a mini window.
export async function openRecordConversation(deps: ConnectDeps, id: string): Promise<void> {
    const conversation = await deps.client.getConversation(id);
    deps.dispatch(conversationReceived(conversation));
    const taken = !window.dispatchEvent(new CustomEvent(openConversationEvent, {detail: id, cancelable: true}));
    if (!taken) {
        await showConversation(deps, conversation);
    }
}
