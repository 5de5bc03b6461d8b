import { runExportJob } from '@ledgerport/core';
import { createPleoClient } from '@ledgerport/pleo';
import { createPleoSandbox } from '@ledgerport/pleo-sandbox';
import { CANONICAL_MAPPING, canonicalExportItems, receiptHandlers } from '@ledgerport/testkit';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFortnoxConnector } from '../src/index';
import { createFortnoxFake } from '../src/testing/index';

/**
 * End to end through core's lifecycle (`runExportJob`): the Pleo sandbox serves a job over the
 * canonical export items, core maps, validates, posts, attaches receipts and reports, and the
 * connector books into the Fortnox fake — the path the runner takes for a company.
 */
const sandbox = createPleoSandbox({ baseUrl: 'https://sandbox.pleo.test' });
const fake = createFortnoxFake({
  apiBaseUrl: 'https://fortnox.test/api',
  tokenBaseUrl: 'https://fortnox.test/auth',
});
const server = setupServer(...sandbox.handlers(), ...receiptHandlers(), ...fake.handlers);
beforeAll(async () => {
  await fake.ready();
  server.listen({ onUnhandledFrame: 'error' });
});
afterAll(() => server.close());
beforeEach(() => fake.reset());

const config = {
  authMode: 'client_credentials',
  clientId: fake.options.clientId,
  tenantId: fake.seed.tenantId,
  apiBaseUrl: fake.options.apiBaseUrl,
  tokenBaseUrl: fake.options.tokenBaseUrl,
  timeoutMs: 1500,
};
const secrets = { clientSecret: fake.options.clientSecret };

describe('runExportJob with the Fortnox connector', () => {
  it('books every SEK item once, attaches receipts, fails the other currencies per item, and reports to Pleo', async () => {
    const items = canonicalExportItems();
    const { apiKey, jobId } = sandbox.seedCompany({ items });
    const pleo = createPleoClient({ baseUrl: sandbox.baseUrl, auth: { type: 'apiKey', apiKey } });
    // The first voucher POST commits but its answer is lost: core retries, the connector finds it.
    fake.injectFault({ kind: 'timeout', afterCommit: true });
    const outcome = await runExportJob({
      pleo,
      connector: createFortnoxConnector({ rateLimitTimeScale: 10 }),
      job: jobId,
      config,
      secrets,
      mapping: CANONICAL_MAPPING,
      retry: { minDelayMs: 1, maxDelayMs: 5 },
    });
    const sekItems = items.filter((i) => i.amount.inWalletCurrency.currency === 'SEK');
    expect(outcome.status).toBe('completed_with_errors');
    expect(outcome.successful).toBe(sekItems.length);
    expect(outcome.failuresByReason).toEqual({ validation_failure: items.length - sekItems.length });
    const vouchers = fake.vouchers();
    // One voucher per item despite the lost answer, plus a payment voucher (marker `…:p`) for each SEK
    // item under accounts payable (the supplier credit `chargeback-accounts-payable-sek` and its refund).
    const entryVouchers = vouchers.filter((v) => !v.referenceNumber?.endsWith(':p'));
    const paymentVouchers = vouchers.filter((v) => v.referenceNumber?.endsWith(':p'));
    const sekPayables = sekItems.filter((i) => i.bookkeeping?.method === 'accounts_payable');
    expect(entryVouchers).toHaveLength(sekItems.length);
    expect(paymentVouchers).toHaveLength(sekPayables.length);
    expect(new Set(vouchers.map((v) => v.referenceNumber)).size).toBe(vouchers.length);
    const api = fake.requests.filter((r) => r.api === 'api');
    expect(api.filter((r) => r.method === 'POST' && r.path === '/3/vouchers')).toHaveLength(vouchers.length);
    // validate indexed each voucher date once; the retried item was then looked up live once more (the
    // fake enforces 25 / 5 s unscaled while the limiter runs ×10, so a look-up may be answered 429 first)
    const dates = new Set(sekItems.map((i) => i.date.slice(0, 10)));
    const lookups = api.filter((r) => r.path.startsWith('/3/vouchers/sublist/') && r.status !== 429);
    expect(lookups.length).toBe(dates.size + 1);
    const receipts = sekItems.flatMap((i) => i.files ?? []);
    expect(vouchers.flatMap((v) => v.attachments)).toHaveLength(receipts.length);
    const reported = sandbox.getJobItems(jobId).filter((i) => i.status === 'successful');
    expect(reported.map((i) => i.externalId).sort()).toEqual(
      entryVouchers.map((v) => `${v.year}/${v.series}/${v.number}`).sort(),
    );
    expect(fake.specViolations).toEqual([]);
  });

  it('a locked period fails the job’s items in it with validation_failure (period strategy fail), read-only', async () => {
    fake.setLockedThrough('2026-12-31');
    const items = canonicalExportItems().filter((i) => i.amount.inWalletCurrency.currency === 'SEK');
    const { apiKey, jobId } = sandbox.seedCompany({ items });
    const pleo = createPleoClient({ baseUrl: sandbox.baseUrl, auth: { type: 'apiKey', apiKey } });
    const outcome = await runExportJob({
      pleo,
      connector: createFortnoxConnector({ rateLimitTimeScale: 10 }),
      job: jobId,
      config,
      secrets,
      mapping: CANONICAL_MAPPING,
      retry: { minDelayMs: 1, maxDelayMs: 5 },
    });
    expect(outcome.successful).toBe(0);
    expect(outcome.failuresByReason.validation_failure).toBe(items.length);
    expect(await fake.writeCount()).toBe(0);
  });
});
