import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signPleoWebhook } from '@ledgerport/pleo';
import { createPleoSandbox, generateSeedItems } from '@ledgerport/pleo-sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { runLedgerport, startLedgerport } from '../support/cli-process';

const dir = mkdtempSync(join(tmpdir(), 'ledgerport-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const FINAL = new Set(['completed', 'completed_with_errors', 'failed']);

describe('ledgerport run (service mode)', () => {
  it('exports what is pending, is woken by a signed webhook for a new job, rejects forged ones, and stops on SIGTERM', async () => {
    const port = await freePort();
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const webhookUrl = `http://127.0.0.1:${port}/webhooks/pleo`;
    const sandbox = createPleoSandbox({ webhook: { url: webhookUrl, secret } });
    const seeded = sandbox.seedCompany({ seed: 11, itemCount: 6 });
    const server = await sandbox.listen({ port: 0 });
    writeFileSync(
      join(dir, 'ledgerport.config.yaml'),
      [
        'pleo:',
        `  baseUrl: ${server.url}`,
        '  auth: { type: apiKey, apiKey: "env:PLEO_API_KEY" }',
        '  pollIntervalSeconds: 3600', // only the webhook can trigger the second job in time
        `  webhook: { port: ${port}, secret: "env:PLEO_WEBHOOK_SECRET" }`,
        'companies:',
        `  ${seeded.companyId}:`,
        '    connector: memory',
        '    config: { ledgerName: books, apiKey: "file:memory-key.txt" }',
        '    mapping: { inputVatAccount: "2641", outputVatAccount: "2614", payablesAccount: "2440", contraAccounts: { SEK: "1930", DKK: "1931", EUR: "1932" } }',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'memory-key.txt'), 'memory-key-from-file-77\n');
    const child = startLedgerport(['run', '--json'], {
      cwd: dir,
      env: { PLEO_API_KEY: seeded.apiKey, PLEO_WEBHOOK_SECRET: secret },
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await until('the first job to be final', () => FINAL.has(sandbox.getJob(seeded.jobId).status));
      await until('the webhook listener', () => stderr.includes('Listening for Pleo webhooks'));

      // A forged delivery is refused and triggers nothing.
      const body = JSON.stringify({
        eventType: 'v1.export-job.created',
        data: { id: seeded.jobId, companyId: seeded.companyId },
      });
      const forged = await fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'webhook-id': 'msg_forged',
          'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
          'webhook-signature': 'v1,AAAA',
        },
        body,
      });
      expect(forged.status).toBe(401);
      const signed = await fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'webhook-id': 'msg_ok',
          'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
          'webhook-signature': signPleoWebhook({ secret, id: 'msg_ok', timestamp: new Date(), body }),
        },
        body,
      });
      expect(signed.status).toBe(204);

      // A new job: the sandbox delivers the signed webhook; the runner exports it long before the next poll.
      const second = sandbox.createJob(
        seeded.companyId,
        generateSeedItems({ companyId: seeded.companyId, seed: 12, count: 4 }),
      );
      await sandbox.webhooksSettled();
      await until('the second job to be final', () => FINAL.has(sandbox.getJob(second.id).status));
      expect(sandbox.getJob(second.id).status).toBe('completed');
      await until('both result lines', () => stdout.trim().split('\n').length >= 2);
      const lines = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { jobId: string; final: boolean });
      expect(lines.map((l) => [l.jobId, l.final])).toEqual([
        [seeded.jobId, true],
        [second.id, true],
      ]);
    } finally {
      child.kill('SIGTERM');
      await server.close();
    }
    expect(await exit).toBe(0);
    expect(stderr).toContain('Webhook: export job created');
    expect(stderr).toContain('Rejected a webhook delivery');
    for (const secretValue of [seeded.apiKey, secret, 'memory-key-from-file-77']) {
      expect(stderr).not.toContain(secretValue);
      expect(stdout).not.toContain(secretValue);
    }
  }, 45_000);
});

describe('ledgerport run: webhook port taken', () => {
  it('fails in one line naming the port and the fix', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const sandbox = createPleoSandbox();
    const seeded = sandbox.seedCompany({ itemCount: 1 });
    const server = await sandbox.listen({ port: 0 });
    const dir2 = mkdtempSync(join(tmpdir(), 'ledgerport-service-port-'));
    try {
      writeFileSync(
        join(dir2, 'ledgerport.config.json'),
        JSON.stringify({
          pleo: {
            baseUrl: server.url,
            auth: { type: 'apiKey', apiKey: 'env:PLEO_API_KEY' },
            webhook: { port, secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=' },
          },
          companies: {
            [seeded.companyId]: {
              connector: 'memory',
              config: { ledgerName: 'books', apiKey: 'memory-key-1' },
            },
          },
        }),
      );
      const run = await runLedgerport(['run', '--log-level', 'silent'], {
        cwd: dir2,
        env: { PLEO_API_KEY: seeded.apiKey },
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `ledgerport: cannot listen for Pleo webhooks on 127.0.0.1:${port} (EADDRINUSE): free the port or change pleo.webhook.port\n`,
      );
      expect(sandbox.getJob(seeded.jobId).status).toBe('pending');
    } finally {
      blocker.close();
      await server.close();
      rmSync(dir2, { recursive: true, force: true });
    }
  });
});

describe('ledgerport run: graceful stop mid-job', () => {
  it('stops on SIGTERM with the job in progress (exit 0); the next run --once finishes it without double reporting', async () => {
    const sandbox = createPleoSandbox();
    // 600 items: the stop lands ≈ 200 items in; the margin absorbs a slow (loaded) machine or faster posting.
    const seeded = sandbox.seedCompany({ seed: 13, itemCount: 600 });
    sandbox.faults.latencyMs = 25; // slow Pleo down so the stop lands mid-job
    const server = await sandbox.listen({ port: 0 });
    const dir3 = mkdtempSync(join(tmpdir(), 'ledgerport-service-stop-'));
    try {
      writeFileSync(
        join(dir3, 'ledgerport.config.json'),
        JSON.stringify({
          pleo: { baseUrl: server.url, auth: { type: 'apiKey', apiKey: 'env:PLEO_API_KEY' } },
          companies: {
            [seeded.companyId]: {
              connector: 'memory',
              config: { ledgerName: 'books', apiKey: 'memory-key-1' },
              mapping: {
                inputVatAccount: '2641',
                outputVatAccount: '2614',
                payablesAccount: '2440',
                contraAccounts: { SEK: '1930', DKK: '1931', EUR: '1932' },
              },
            },
          },
        }),
      );
      const env = { PLEO_API_KEY: seeded.apiKey };
      const child = startLedgerport(['run', '--log-level', 'warn'], { cwd: dir3, env });
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      // Stop as soon as the first item outcomes reached Pleo.
      await until(
        'the first reported items',
        () => sandbox.requestLog.some((r) => r.method === 'PUT' && r.status === 200),
        20_000,
      );
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(sandbox.getJob(seeded.jobId).status).toBe('in_progress');
      const reportedBefore = sandbox
        .getJobItems(seeded.jobId)
        .filter((i) => i.status === 'successful').length;
      expect(reportedBefore).toBeGreaterThan(0);
      expect(reportedBefore).toBeLessThan(600);

      sandbox.faults.latencyMs = 0;
      const resumed = await runLedgerport(['run', '--once', '--json'], { cwd: dir3, env });
      expect(resumed.code, resumed.stderr).toBe(0);
      const job = (
        JSON.parse(resumed.stdout) as { companies: { jobs: { status: string; skipped: number }[] }[] }
      ).companies[0]?.jobs[0];
      expect(job?.status).toBe('completed');
      expect(job?.skipped).toBeGreaterThanOrEqual(reportedBefore);
      expect(sandbox.getJobItems(seeded.jobId).every((i) => i.status === 'successful')).toBe(true);
      const events = sandbox.getEvents(seeded.jobId).map((e) => e.event);
      expect(events).toEqual(['started', 'completed']);
    } finally {
      await server.close();
      rmSync(dir3, { recursive: true, force: true });
    }
  }, 60_000);
});
