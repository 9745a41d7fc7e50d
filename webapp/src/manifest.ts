// The manifest is the single source of the plugin id; the build inlines only the fields imported here.
import {id} from '../../plugin.json';

export const pluginId: string = id;
