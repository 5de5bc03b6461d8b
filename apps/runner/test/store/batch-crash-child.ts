/**
 * Child of `batch-crash.test.ts` (bundled by `buildTestCli`): journals groups of 25 entries with
 * `recordIntents` then `recordOutcomes` on the store given as JSON in argv[2], for job argv[3], and
 * prints `intents <g>` / `outcomes <g>` once each call resolved (durable), until it is SIGKILLed.
 */
import type { StoreConfig } from '../../src/config/config-schema';
import { openRunnerStore } from '../../src/store/open-runner-store';

const [config, jobId] = process.argv.slice(2);
if (config === undefined || jobId === undefined)
  throw new Error('usage: batch-crash-child <store json> <job id>');
const store = await openRunnerStore(JSON.parse(config) as StoreConfig, process.cwd());
const recordIntents = store.exports.recordIntents?.bind(store.exports);
const recordOutcomes = store.exports.recordOutcomes?.bind(store.exports);
if (recordIntents === undefined || recordOutcomes === undefined)
  throw new Error('the store has no batch methods');
for (let g = 0; g < 100_000; g += 1) {
  const ids = Array.from({ length: 25 }, (_, i) => `g${g}-e${i}`);
  await recordIntents(jobId, ids);
  process.stdout.write(`intents ${g}\n`);
  await recordOutcomes(
    jobId,
    ids.map((id) => ({
      accountingEntryId: id,
      outcome: {
        status: 'successful',
        externalId: `X-${id}`,
        exportedAt: '2026-01-01T00:00:00.000Z',
      } as const,
    })),
  );
  process.stdout.write(`outcomes ${g}\n`);
}
await store.close();
