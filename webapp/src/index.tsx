import {pluginId} from './manifest';
import {ConnectPlugin} from './plugin';

window.registerPlugin(pluginId, new ConnectPlugin());
