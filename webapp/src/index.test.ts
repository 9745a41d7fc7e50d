import {expect, it, vi} from 'vitest';

import {ConnectPlugin} from './plugin';

it('registers the plugin under the id from plugin.json', async () => {
    const registerPlugin = vi.fn<Window['registerPlugin']>();
    window.registerPlugin = registerPlugin;

    await import('./index');

    expect(registerPlugin).toHaveBeenCalledOnce();
    const [id, plugin] = registerPlugin.mock.calls[0];
    expect(id).toBe('connect-chat');
    expect(plugin).toBeInstanceOf(ConnectPlugin);
});
