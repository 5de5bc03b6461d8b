/**
 * Child process of the lifecycle benchmark: a Pleo sandbox over loopback HTTP with one company and
 * one pending job of `--items N` generated items. Prints one JSON line `{url, apiKey, jobId, items}`
 * once listening, then serves until stdin closes (the parent's exit) or SIGTERM.
 *
 * Run: node packages/core/bench/sandbox-process.ts --items 10000
 */
import { createPleoSandbox } from '@ledgerport/pleo-sandbox';

const flag = process.argv.indexOf('--items');
const count = Number(flag >= 0 ? process.argv[flag + 1] : '1000');
if (!Number.isInteger(count) || count < 1) {
  throw new Error(`--items must be a positive integer, got ${process.argv[flag + 1]}`);
}
const sandbox = createPleoSandbox({ defaultPageSize: 1000 });
const seeded = sandbox.seedCompany({ seed: 7, itemCount: count });
const server = await sandbox.listen({ port: 0 });
process.stdout.write(
  `${JSON.stringify({ url: server.url, apiKey: seeded.apiKey, jobId: seeded.jobId, items: count })}\n`,
);
const stop = () => {
  void server.close().finally(() => process.exit(0));
};
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
