/**
 * End-to-end throughput of the sandbox over loopback HTTP, the way the core benchmark uses it: the
 * built bin runs in its own process with N generated items (`--items`, default 100000); this
 * process plays the integration: start the job, page all job items and export items (limit 1000),
 * report every item successful in PUTs of 100, complete the job. Prints one JSON object.
 *
 * Run: pnpm --filter @ledgerport/pleo-sandbox bench   (builds first)
 *      node bench/serve-throughput.bench.ts --items 20000
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const flag = process.argv.indexOf('--items');
const items = Number(flag >= 0 ? process.argv[flag + 1] : '100000');
if (!Number.isInteger(items) || items < 1)
  throw new Error(`--items must be a positive integer, got ${process.argv[flag + 1]}`);

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const spawnedAt = performance.now();
const child = spawn(process.execPath, [bin, '--port', '0', '--items', String(items), '--json'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const firstLine = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout! }).once('line', resolve);
  child.once('exit', (code) => reject(new Error(`sandbox exited with ${code} before listening`)));
});
const startupMs = performance.now() - spawnedAt;
const { baseUrl, apiKey, jobId } = JSON.parse(firstLine) as {
  baseUrl: string;
  apiKey: string;
  jobId: string;
};
const authorization = `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization, 'content-type': 'application/json;charset=UTF-8' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return text === '' ? undefined : JSON.parse(text);
}

interface Page {
  data: { accountingEntryId: string }[];
  pagination: { hasNextPage: boolean; endCursor?: string };
}

async function pageAll(path: string): Promise<{ ids: string[]; requests: number }> {
  const ids: string[] = [];
  let after = '';
  let requests = 0;
  for (;;) {
    const separator = path.includes('?') ? '&' : '?';
    const page = (await call(
      'GET',
      `${path}${separator}limit=1000${after ? `&after=${after}` : ''}`,
    )) as Page;
    requests++;
    for (const item of page.data) ids.push(item.accountingEntryId);
    if (!page.pagination.hasNextPage || !page.pagination.endCursor) return { ids, requests };
    after = page.pagination.endCursor;
  }
}

function rssMb(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

try {
  const started = performance.now();
  await call('POST', '/v3/export-job-events', { event: 'started', jobId });
  const t0 = performance.now();
  const jobItems = await pageAll(`/v3/export-jobs/${jobId}/items`);
  const t1 = performance.now();
  const exportItems = await pageAll(`/v3/export-items?job_id=${jobId}`);
  const t2 = performance.now();
  let puts = 0;
  for (let i = 0; i < jobItems.ids.length; i += 100) {
    const chunk = jobItems.ids.slice(i, i + 100).map((accountingEntryId) => ({
      accountingEntryId,
      status: 'successful',
      externalId: `JE-${accountingEntryId.slice(0, 8)}`,
      exportedAt: '2025-01-01T00:00:00Z',
    }));
    const result = (await call('PUT', `/v3/export-jobs/${jobId}/items`, chunk)) as { errors: unknown[] };
    if (result.errors.length > 0) throw new Error(`PUT reported errors: ${JSON.stringify(result.errors[0])}`);
    puts++;
  }
  const t3 = performance.now();
  await call('POST', '/v3/export-job-events', { event: 'completed', jobId });
  const totalMs = performance.now() - started;
  if (jobItems.ids.length !== items || exportItems.ids.length !== items) {
    throw new Error(
      `expected ${items} items, got ${jobItems.ids.length} job items / ${exportItems.ids.length} export items`,
    );
  }
  const ms = (value: number) => Math.round(value);
  process.stdout.write(
    `${JSON.stringify({
      benchmark: 'pleo-sandbox loopback HTTP end to end',
      items,
      startupMs: ms(startupMs),
      jobItemPages: {
        requests: jobItems.requests,
        ms: ms(t1 - t0),
        itemsPerSecond: Math.round(items / ((t1 - t0) / 1000)),
      },
      exportItemPages: {
        requests: exportItems.requests,
        ms: ms(t2 - t1),
        itemsPerSecond: Math.round(items / ((t2 - t1) / 1000)),
      },
      itemUpdates: {
        requests: puts,
        ms: ms(t3 - t2),
        itemsPerSecond: Math.round(items / ((t3 - t2) / 1000)),
      },
      totalMs: ms(totalMs),
      endToEndItemsPerSecond: Math.round(items / (totalMs / 1000)),
      sandboxRssMb: rssMb(child.pid!),
      node: process.version,
    })}\n`,
  );
} finally {
  child.kill('SIGTERM');
}
