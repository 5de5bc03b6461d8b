/**
 * The README's curl walk-through, done with real fetch against a real loopback server: `started`,
 * then `failed` with a reason, then GET of the job shows `failed` with that reason.
 */
import { describe, expect, it } from 'vitest';
import { createPleoSandbox } from '../src/index';

describe('HTTP server mode (listen)', () => {
  it('drives a job started → failed with a reason, as the README shows with curl', async () => {
    const sandbox = createPleoSandbox();
    const { apiKey, jobId, companyId } = sandbox.seedCompany();
    const { url, close } = await sandbox.listen({ port: 0 });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sandbox.baseUrl).toBe(url);
      const auth = `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
      const headers = { authorization: auth, 'content-type': 'application/json;charset=UTF-8' };

      const started = await fetch(`${url}/v3/export-job-events`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ event: 'started', jobId }),
      });
      expect(started.status).toBe(202);
      expect(await started.text()).toBe('');

      const failed = await fetch(`${url}/v3/export-job-events`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          event: 'failed',
          jobId,
          failureReason: 'Failed to reach the Accounting System.',
          failureReasonType: 'accounting_system_unreachable',
        }),
      });
      expect(failed.status).toBe(202);

      const job = await fetch(`${url}/v3/export-jobs/${jobId}`, { headers: { authorization: auth } });
      expect(job.status).toBe(200);
      expect(job.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      expect(((await job.json()) as { data: unknown }).data).toMatchObject({
        id: jobId,
        companyId,
        status: 'failed',
        failureReason: 'Failed to reach the Accounting System.',
        failureReasonType: 'accounting_system_unreachable',
      });
    } finally {
      await close();
    }
  });

  it('serves concurrent requests and closes cleanly with keep-alive connections open', async () => {
    const sandbox = createPleoSandbox();
    const { apiKey, jobId } = sandbox.seedCompany({ itemCount: 50 });
    const { url, close } = await sandbox.listen();
    const auth = `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${url}/v3/export-jobs/${jobId}/items?limit=50`, { headers: { authorization: auth } }).then(
          (r) => r.status,
        ),
      ),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    await close();
    await expect(fetch(`${url}/v3/export-jobs`, { headers: { authorization: auth } })).rejects.toThrow();
  });

  it('reports a port that is taken', async () => {
    const first = createPleoSandbox();
    const { url, close } = await first.listen();
    try {
      const port = Number(new URL(url).port);
      await expect(createPleoSandbox().listen({ port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await close();
    }
  });
});
