import {expect, it} from 'vitest';

import {dockCapacity} from './dock_capacity';

it('fits as many 320px windows as the viewport has room for, at least one', () => {
    expect(dockCapacity(1920, 64)).toBe(5);
    expect(dockCapacity(1280, 456)).toBe(2);
    expect(dockCapacity(400, 64)).toBe(1);
});
