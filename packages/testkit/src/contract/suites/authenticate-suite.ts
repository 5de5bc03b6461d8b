import { expect, it } from 'vitest';
import type { Harness } from '../harness';

/** `authenticate` succeeds with the valid config and secrets. */
export function authenticateSuite<Config>(h: Harness<Config>): void {
  it('authenticates with the valid config and secrets', async () => {
    await expect(h.connector().authenticate(h.ctx())).resolves.toBeUndefined();
  });
}
