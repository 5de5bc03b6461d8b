import { createPleoClient } from '@ledgerport/pleo';
import { createPleoSandbox } from '@ledgerport/pleo-sandbox';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentFile } from '../../src/connector/connector-v1';
import { runExportJob } from '../../src/lifecycle/run-export-job';
import { createRecordingConnector, validRecordingConfig } from './support/recording-connector';
import { testMapping } from './support/sandbox-harness';

// The same sandbox, served through its msw handlers instead of a loopback server: Pleo calls and
// receipt downloads (default `fetch` downloader) are intercepted; anything unhandled is an error.
const sandbox = createPleoSandbox({ baseUrl: 'https://sandbox.pleo.test' });
const server = setupServer(...sandbox.handlers());
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

describe('runExportJob — against the sandbox msw handlers', () => {
  it('exports a job end to end, downloading receipts with the default downloader', async () => {
    const { apiKey, jobId, items } = sandbox.seedCompany({ seed: 11, itemCount: 25 });
    const pleo = createPleoClient({ baseUrl: sandbox.baseUrl, auth: { type: 'apiKey', apiKey } });
    const attached: AttachmentFile[] = [];
    const connector = createRecordingConnector({ attach: (file) => void attached.push(file) });
    const outcome = await runExportJob({
      pleo,
      connector,
      job: jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: { minDelayMs: 1, maxDelayMs: 5 },
    });
    expect(outcome).toMatchObject({ status: 'completed', successful: 25 });
    expect(sandbox.getEvents(jobId).map((e) => e.event)).toEqual(['started', 'completed']);
    const expectedFiles = items.flatMap((i) => i.files ?? []);
    expect(attached).toHaveLength(expectedFiles.length);
    expect(attached.map((a) => a.bytes.byteLength).sort()).toEqual(expectedFiles.map((f) => f.size).sort());
  });
});
