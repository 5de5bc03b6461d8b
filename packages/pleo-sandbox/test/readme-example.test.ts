/** The README's quick start, verbatim in substance, so the documented example keeps working. */
import { createPleoClient } from '@ledgerport/pleo';
import { setupServer } from 'msw/node';
import { expect, it } from 'vitest';
import { createPleoSandbox } from '../src/index';

it('README quick start runs', async () => {
  const sandbox = createPleoSandbox({ baseUrl: 'https://pleo.sandbox.test' });
  const server = setupServer(...sandbox.handlers());
  server.listen({ onUnhandledFrame: 'error' });
  try {
    const { apiKey, companyId, jobId } = sandbox.seedCompany({ seed: 1 });
    const pleo = createPleoClient({ baseUrl: sandbox.baseUrl, auth: { type: 'apiKey', apiKey }, companyId });
    await pleo.createJobEvent({ event: 'started', jobId });
    const types = new Set<string>();
    for await (const entry of pleo.listExportItems({ jobId })) if (entry.valid) types.add(entry.item.type);
    expect(types.size).toBe(17);
    const ids = sandbox.getJobItems(jobId).map((item) => item.accountingEntryId);
    await pleo.updateJobItems(
      jobId,
      ids.map((accountingEntryId) => ({ accountingEntryId, status: 'successful' as const })),
    );
    await pleo.createJobEvent({ event: 'completed', jobId });
    expect(sandbox.getJob(jobId).status).toBe('completed');
    expect(sandbox.getEvents(jobId).map((e) => e.event)).toEqual(['started', 'completed']);
  } finally {
    server.close();
  }
});
