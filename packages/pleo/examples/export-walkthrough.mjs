// One export job end to end with @ledgerport/pleo: claim, read items, report results, complete.
// Run against a local sandbox (or staging with PLEO_BASE_URL / PLEO_API_KEY):
//   node examples/export-walkthrough.mjs <baseUrl> <apiKey> [companyId]
import { createPleoClient, isPleoErrorType } from '@ledgerport/pleo';

const [baseUrl = process.env.PLEO_BASE_URL, apiKey = process.env.PLEO_API_KEY, companyId] =
  process.argv.slice(2);
if (!baseUrl || !apiKey) {
  console.error('usage: node examples/export-walkthrough.mjs <baseUrl> <apiKey> [companyId]');
  process.exit(2);
}

const pleo = createPleoClient({
  baseUrl,
  auth: { type: 'apiKey', apiKey },
  ...(companyId ? { companyId } : {}),
  retry: { retries: 4, minDelayMs: 250, maxDelayMs: 30_000 },
});

// 1. Oldest open job (pages are fetched lazily; we stop after the first match).
let job;
for await (const candidate of pleo.listJobs({ statuses: ['pending', 'in_progress'] })) {
  job = candidate;
  break;
}
if (!job) {
  console.log('no open export job');
  process.exit(0);
}
console.log(`job ${job.id}: ${job.status}, ${job.numberOfItems} items`);

// 2. Claim it.
if (job.status === 'pending') await pleo.createJobEvent({ jobId: job.id, event: 'started' });

// 3. Read export items one page at a time; invalid items are reported, never thrown.
const updates = [];
for await (const entry of pleo.listExportItems({ jobId: job.id })) {
  if (!entry.valid) {
    if (entry.accountingEntryId) {
      updates.push({
        accountingEntryId: entry.accountingEntryId,
        status: 'failed',
        failureReasonType: 'validation_failure',
        failureReason: entry.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
      });
    }
    continue;
  }
  const { item } = entry;
  const total = item.amount.inWalletCurrency; // integer minor units + ISO 4217 code
  console.log(
    `  ${item.type.padEnd(16)} ${total.value} ${total.currency} (${item.accountingEntryLines.length} line(s))`,
  );
  updates.push({
    accountingEntryId: item.accountingEntryId,
    status: 'successful',
    externalId: `DEMO-${item.accountingEntryId.slice(0, 8)}`,
    exportedAt: new Date().toISOString(),
  });
}

// 4. Report results (chunked into PUTs of at most 100) and check per-entry errors.
const { data, errors } = await pleo.updateJobItems(job.id, updates);
console.log(`updated ${data.length} items, ${errors.length} errors`);

// 5. Complete the job.
const failed = updates.some((update) => update.status === 'failed') || errors.length > 0;
try {
  await pleo.createJobEvent({ jobId: job.id, event: failed ? 'completed_with_errors' : 'completed' });
} catch (error) {
  if (!isPleoErrorType(error, 'invalid_export_job_status_change')) throw error;
}
console.log(`job ${job.id}: ${(await pleo.getJob(job.id)).status}`);
