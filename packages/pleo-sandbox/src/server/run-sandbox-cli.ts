/**
 * The `ledgerport-sandbox` command: starts a sandbox HTTP server with one seeded company and one
 * pending export job, and prints how to reach it.
 *
 * ```
 * ledgerport-sandbox [--port 4010] [--host 127.0.0.1] [--seed items.json | --items 64]
 *                    [--prng-seed 1] [--api-key KEY] [--page-size 10] [--json]
 * ```
 */
import { parseArgs } from 'node:util';
import { createPleoSandbox } from '../sandbox/create-pleo-sandbox';
import { loadSeedItemsFile } from '../seed/load-seed-items-file';

/** What the CLI prints with `--json` (one line on stdout once listening). */
export interface SandboxCliInfo {
  baseUrl: string;
  apiKey: string;
  companyId: string;
  jobId: string;
}

/** A started CLI server. */
export interface RunningSandboxCli {
  info: SandboxCliInfo;
  close(): Promise<void>;
}

const USAGE = `Usage: ledgerport-sandbox [options]

Starts a local Pleo Export API v3 with one company and one pending export job.

Options:
  --port <n>        TCP port (default 4010; 0 = any free port)
  --host <addr>     interface to bind (default 127.0.0.1)
  --seed <file>     JSON array of ExportItemV3 to seed the job with (validated)
  --items <n>       number of generated items when no --seed is given (default 64)
  --prng-seed <n>   seed of the item generator (default 1)
  --api-key <key>   API key of the company (default: random)
  --page-size <n>   default page size when a request has no limit (default 10)
  --json            print one JSON line {baseUrl, apiKey, companyId, jobId} instead of text
  -h, --help        show this help
`;

/** Thrown for bad command-line input; the message names the option and the fix. */
export class SandboxCliUsageError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${USAGE}`);
    this.name = 'SandboxCliUsageError';
  }
}

function integerOption(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new SandboxCliUsageError(`--${name}: expected an integer from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

/**
 * Parses `argv` (without node and script), starts the server and writes the connection details to
 * `out`. Returns `undefined` after printing help.
 *
 * @throws SandboxCliUsageError for bad options; SeedFileError for a bad seed file; the listen error.
 */
export async function runSandboxCli(
  argv: readonly string[],
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<RunningSandboxCli | undefined> {
  let values: ReturnType<typeof parse>['values'];
  function parse() {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        items: { type: 'string' },
        'prng-seed': { type: 'string' },
        'api-key': { type: 'string' },
        'page-size': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  }
  try {
    ({ values } = parse());
  } catch (error) {
    throw new SandboxCliUsageError((error as Error).message);
  }
  if (values.help) {
    out(USAGE);
    return undefined;
  }
  if (values.seed !== undefined && values.items !== undefined) {
    throw new SandboxCliUsageError('--seed and --items cannot be combined: a seed file fixes the items');
  }
  const port = integerOption(values.port, 'port', 4010, 0, 65535);
  const itemCount = integerOption(values.items, 'items', 64, 0, 10_000_000);
  const prngSeed = integerOption(values['prng-seed'], 'prng-seed', 1, 0, 2 ** 31 - 1);
  const defaultPageSize = integerOption(values['page-size'], 'page-size', 10, 1, 1000);

  const sandbox = createPleoSandbox({ defaultPageSize });
  const items = values.seed === undefined ? undefined : loadSeedItemsFile(values.seed);
  const { companyId, apiKey, jobId } = sandbox.seedCompany({
    ...(values['api-key'] === undefined ? {} : { apiKey: values['api-key'] }),
    ...(items === undefined ? { seed: prngSeed, itemCount } : { items }),
  });
  const { numberOfItems } = sandbox.getJob(jobId);
  const server = await sandbox.listen({ port, ...(values.host === undefined ? {} : { host: values.host }) });
  const info: SandboxCliInfo = { baseUrl: server.url, apiKey, companyId, jobId };
  if (values.json) out(JSON.stringify(info));
  else {
    out('Pleo Export API v3 sandbox listening');
    out(`  base URL:   ${info.baseUrl}`);
    out(`  API key:    ${info.apiKey}   (HTTP Basic: API key as username, empty password)`);
    out(`  company id: ${info.companyId}`);
    out(`  job id:     ${info.jobId}   (pending, ${numberOfItems} items)`);
  }
  return { info, close: server.close };
}
