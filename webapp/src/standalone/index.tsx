import {mountWorkspace, workspaceRootId} from './mount';

const rootElement = document.getElementById(workspaceRootId);
if (!rootElement) {
    throw new Error(`Connect Workspace: the page has no #${workspaceRootId} element.`);
}
mountWorkspace(rootElement);
