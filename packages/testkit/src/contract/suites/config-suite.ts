import { expect, it } from 'vitest';
import type { Harness } from '../harness';

/** configSchema accepts `config.valid` and rejects `missing` / `invalid` with issues that name a field. */
export function configSuite<Config>(h: Harness<Config>): void {
  it('accepts the valid config', () => {
    const result = h.connector().configSchema.safeParse(h.options.config.valid);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues)).toBe(true);
  });

  for (const kind of ['missing', 'invalid'] as const) {
    it(`rejects the ${kind === 'missing' ? 'config lacking a required field' : 'config with a wrongly typed field'} with a field path`, () => {
      const result = h.connector().configSchema.safeParse(h.options.config[kind]);
      expect(result.success, `config.${kind} was accepted`).toBe(false);
      if (result.success) return;
      expect(result.error.issues.length).toBeGreaterThan(0);
      for (const issue of result.error.issues) {
        expect(issue.path.length, `issue "${issue.message}" names no field`).toBeGreaterThan(0);
        expect(issue.message.trim().length).toBeGreaterThan(0);
      }
    });
  }
}
