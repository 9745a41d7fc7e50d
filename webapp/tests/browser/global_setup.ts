// The host page is test-only code: build it fresh for every run, next to (not inside) dist/.
import {buildTestHost} from '../../build.mjs';

export default async function setup(): Promise<void> {
    await buildTestHost();
}
