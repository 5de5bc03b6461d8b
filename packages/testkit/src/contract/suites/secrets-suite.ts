import { expect, it } from 'vitest';
import { errorText, safeJson } from '../../inspect/error-text';
import { maskSecret, secretForms } from '../../inspect/secret-forms';
import type { Harness } from '../harness';
import { simpleEntry } from './idempotency-suite';

/**
 * Secret hygiene: no secret value (from `secrets` and from config fields named in `secretFields`),
 * nor its URL-encoded, base64 or HTTP Basic forms, appears in any error thrown during the suites or in
 * any log line. Runs last, and first provokes errors and logs of its own (failed auth, validation,
 * server errors, network errors).
 */
export function secretsSuite<Config>(h: Harness<Config>): void {
  it('leaks no secret into errors or logs', async (t) => {
    const secrets = h.secretValues();
    if (secrets.length === 0) {
      t.skip('the connector has no secrets (no `secrets` given and no secretFields set in the valid config)');
      return;
    }
    const c = h.connector();
    const entry = simpleEntry(h);
    for (const fault of [
      { kind: 'http', status: 401, times: 3 },
      { kind: 'http', status: 422, times: 3 },
      { kind: 'http', status: 500, times: 3 },
      { kind: 'network', times: 3 },
    ] as const) {
      h.options.erp.injectFault(fault);
      await c.postEntry(h.ctx(), entry).catch((error: unknown) => h.errors.push(error));
      await h.options.erp.reset();
    }
    await c.authenticate(h.ctx()).catch((error: unknown) => h.errors.push(error));
    const parsed = c.configSchema.safeParse(h.options.config.invalid);
    const texts = [
      ...h.errors.map((e, i) => ({ where: `error #${i}`, text: errorText(e) })),
      ...h.lines.map((l, i) => ({
        where: `log line #${i} (${l.level})`,
        text: `${l.message} ${safeJson(l.fields)}`,
      })),
      {
        where: 'config issues',
        text: parsed.success ? '' : safeJson(parsed.error.issues.map((i) => i.message)),
      },
    ];
    expect(h.errors.length, 'no error was captured to inspect').toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const { form, of } of secretForms(secrets)) {
      for (const { where, text } of texts) {
        if (text.includes(form)) leaks.push(`${where} contains secret ${maskSecret(of)}`);
      }
    }
    expect(leaks).toEqual([]);
  });
}
