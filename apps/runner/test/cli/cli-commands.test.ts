import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPleoSandbox, generateSeedItems } from '@ledgerport/pleo-sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { firstLine, runLedgerport, startLedgerport } from '../support/cli-process';

const root = mkdtempSync(join(tmpdir(), 'ledgerport-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  n += 1;
  const dir = join(root, `case-${n}`);
  return mkdtempSync(`${dir}-`);
};
const MEMORY_KEY = 'memory-ledger-key-9Tz4';
/** A company on the memory connector; the seed's tax codes carry no VAT accounts, so the mapping names them. */
const MEMORY_COMPANY = {
  connector: 'memory',
  config: { ledgerName: 'books', apiKey: MEMORY_KEY },
  mapping: {
    inputVatAccount: '2641',
    outputVatAccount: '2614',
    payablesAccount: '2440',
    contraAccounts: { SEK: '1930', DKK: '1931', EUR: '1932' },
  },
};

/** A config for `companyId` on `baseUrl`, the Pleo API key taken from the environment. */
function writeConfig(
  dir: string,
  baseUrl: string,
  companyId: string,
  company: Record<string, unknown>,
): string {
  const file = join(dir, 'ledgerport.config.json');
  writeFileSync(
    file,
    JSON.stringify({
      pleo: { baseUrl, auth: { type: 'apiKey', apiKey: 'env:PLEO_API_KEY' } },
      companies: { [companyId]: company },
      store: { type: 'sqlite', path: 'state/ledgerport.db' },
    }),
  );
  return file;
}

describe('ledgerport connectors', () => {
  it('lists the installed connectors with their manifests', async () => {
    const run = await runLedgerport(['connectors', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as {
      connectors: { id: string; package: string; manifest: { displayName: string; delivery: string } }[];
      unavailable: { packageName: string; reason: string }[];
    };
    const memory = json.connectors.find((c) => c.id === 'memory');
    expect(memory?.package).toBe('@ledgerport/connector-memory');
    expect(memory?.manifest.delivery).toBe('per_entry');
    for (const missing of json.unavailable) expect(missing.reason.length).toBeGreaterThan(0);
    const table = await runLedgerport(['connectors']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('memory');
  });
});

describe('ledgerport run --once --json', () => {
  it('exports a pending job of a sandbox started in the test, then finds nothing left to do', async () => {
    const sandbox = createPleoSandbox();
    const seeded = sandbox.seedCompany({ seed: 3, itemCount: 40 });
    const server = await sandbox.listen({ port: 0 });
    const dir = fresh();
    try {
      writeConfig(dir, server.url, seeded.companyId, MEMORY_COMPANY);
      const env = { PLEO_API_KEY: seeded.apiKey };
      const run = await runLedgerport(['run', '--once', '--json'], { cwd: dir, env });
      expect(run.code, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout) as {
        ok: boolean;
        companies: {
          companyId: string;
          jobs: { jobId: string; status: string; final: boolean; successful: number }[];
        }[];
      };
      expect(result.ok).toBe(true);
      expect(result.companies[0]?.jobs[0]).toMatchObject({ jobId: seeded.jobId, final: true });
      const job = sandbox.getJob(seeded.jobId);
      expect(result.companies[0]?.jobs[0]?.status).toBe(job.status);
      expect(['completed', 'completed_with_errors']).toContain(job.status);
      const items = sandbox.getJobItems(seeded.jobId);
      expect(items.every((i) => i.status === 'successful' || i.status === 'failed')).toBe(true);
      expect(result.companies[0]?.jobs[0]?.successful).toBe(
        items.filter((i) => i.status === 'successful').length,
      );
      expect(sandbox.getEvents(seeded.jobId).filter((e) => e.event !== 'started')).toHaveLength(1);
      expect(existsSync(join(dir, 'state/ledgerport.db'))).toBe(true);
      for (const secret of [seeded.apiKey, MEMORY_KEY]) {
        expect(run.stdout).not.toContain(secret);
        expect(run.stderr).not.toContain(secret);
      }
      // A second pass has nothing to do and still exits 0.
      const again = await runLedgerport(['run', '--once', '--json'], { cwd: dir, env });
      expect(again.code, again.stderr).toBe(0);
      expect((JSON.parse(again.stdout) as { companies: { jobs: unknown[] }[] }).companies[0]?.jobs).toEqual(
        [],
      );
    } finally {
      await server.close();
    }
  });

  it('fails with one line and a non-zero exit when Pleo is unreachable, writing nothing', async () => {
    const dir = fresh();
    writeConfig(dir, 'http://127.0.0.1:1', '0b7f4a38-2f3c-4a57-9a8e-5d1c3e9f0a11', MEMORY_COMPANY);
    const run = await runLedgerport(['run', '--once'], {
      cwd: dir,
      env: { PLEO_API_KEY: 'unreachable-key-123' },
    });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ledgerport: /);
    expect(lines[0]).toMatch(
      /company 0b7f4a38-2f3c-4a57-9a8e-5d1c3e9f0a11: .*(unreachable|ECONNREFUSED|reach)/i,
    );
    expect(run.stderr).not.toContain('unreachable-key-123');
    expect(existsSync(join(dir, 'state'))).toBe(false);
  });
});

describe('ledgerport input errors: one clear line, non-zero exit', () => {
  it('rejects a bad config naming the field and the fix', async () => {
    const dir = fresh();
    writeFileSync(
      join(dir, 'ledgerport.config.json'),
      JSON.stringify({
        pleo: { environment: 'staging', auth: { type: 'apiKey', apiKey: 'literal-secret-456' } },
        companies: {},
      }),
    );
    const run = await runLedgerport(['run', '--once'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ledgerport: Invalid configuration in ledgerport.config.json: companies: at least one company is required. Fix: correct the value as the message says\n',
    );
    expect(run.stderr).not.toContain('literal-secret-456');
  });

  it('reports a store that cannot be opened in one line (doctor still shows its table)', async () => {
    const dir = fresh();
    const file = writeConfig(
      dir,
      'http://127.0.0.1:1',
      '0b7f4a38-2f3c-4a57-9a8e-5d1c3e9f0a11',
      MEMORY_COMPANY,
    );
    const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      file,
      JSON.stringify({
        ...config,
        store: { type: 'postgres', connectionString: 'postgres://ledger:pg-secret-pw@127.0.0.1:1/none' },
      }),
    );
    const run = await runLedgerport(['run', '--once', '--log-level', 'silent'], {
      cwd: dir,
      env: { PLEO_API_KEY: 'k-123456' },
    });
    // Pleo is unreachable too: the pass fails before the store is ever needed.
    expect(run.code).toBe(1);
    const doctor = await runLedgerport(['doctor'], { cwd: dir, env: { PLEO_API_KEY: 'k-123456' } });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/store\s*│\s*postgres\s*│\s*FAILED\s*│\s*Cannot open the PostgreSQL store/);
    expect(doctor.stderr).toMatch(/^ledgerport: 2 check\(s\) failed: store postgres, Pleo/);
    for (const out of [run.stdout, run.stderr, doctor.stdout, doctor.stderr])
      expect(out).not.toContain('pg-secret-pw');
  });

  it('rejects an unknown connector, listing the installed ones', async () => {
    const dir = fresh();
    writeConfig(dir, 'http://127.0.0.1:9', '0b7f4a38-2f3c-4a57-9a8e-5d1c3e9f0a11', { connector: 'sap' });
    const run = await runLedgerport(['doctor'], { cwd: dir, env: { PLEO_API_KEY: 'k-123456' } });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /companies\.0b7f4a38-2f3c-4a57-9a8e-5d1c3e9f0a11\.connector: unknown connector "sap"\. Fix: use one of .*memory/,
    );
  });

  it("rejects a connector config its schema refuses, naming the connector's field", async () => {
    const dir = fresh();
    writeConfig(dir, 'http://127.0.0.1:9', '0b7f4a38-2f3c-4a57-9a8e-5d1c3e9f0a11', {
      connector: 'memory',
      config: { ledgerName: 'Books!', apiKey: MEMORY_KEY },
    });
    const run = await runLedgerport(['run', '--once'], { cwd: dir, env: { PLEO_API_KEY: 'k-123456' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /companies\.0b7f4a38-2f3c-4a57-9a8e-5d1c3e9f0a11\.config\.ledgerName: ledgerName must use lower-case letters/,
    );
    expect(run.stderr).not.toContain(MEMORY_KEY);
  });

  it('rejects a bad seed file naming the item and field', async () => {
    const dir = fresh();
    const items = generateSeedItems({
      companyId: '0b7f4a38-2f3c-4a57-9a8e-5d1c3e9f0a11',
      count: 3,
    }) as unknown as Record<string, unknown>[];
    (items[1] as Record<string, unknown>).date = 'yesterday';
    writeFileSync(join(dir, 'items.json'), JSON.stringify(items));
    const run = await runLedgerport(['sandbox', '--port', '0', '--seed', 'items.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^ledgerport: seed file items\.json: .*\[1\].*date/);
  });
});

describe('ledgerport doctor', () => {
  it('checks config, store, Pleo and the connector, as a table', async () => {
    const sandbox = createPleoSandbox();
    const seeded = sandbox.seedCompany({ itemCount: 2 });
    const server = await sandbox.listen({ port: 0 });
    const dir = fresh();
    try {
      writeConfig(dir, server.url, seeded.companyId, MEMORY_COMPANY);
      const ok = await runLedgerport(['doctor', '--json'], {
        cwd: dir,
        env: { PLEO_API_KEY: seeded.apiKey },
      });
      expect(ok.code, ok.stderr).toBe(0);
      const checks = (JSON.parse(ok.stdout) as { checks: { check: string; ok: boolean }[] }).checks;
      expect(checks.map((c) => [c.check, c.ok])).toEqual([
        ['config', true],
        ['store', true],
        ['Pleo', true],
        ['authenticate', true],
        ['validate', true],
      ]);
      const bad = await runLedgerport(['doctor'], { cwd: dir, env: { PLEO_API_KEY: 'wrong-key-000' } });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/Pleo.*FAILED/);
      expect(bad.stderr).toMatch(/^ledgerport: 1 check\(s\) failed: Pleo/);
      expect(bad.stdout + bad.stderr).not.toContain('wrong-key-000');
      expect(sandbox.getJob(seeded.jobId).status).toBe('pending'); // doctor never changes state
    } finally {
      await server.close();
    }
  });
});

describe('ledgerport sandbox + run --once --config', () => {
  it('serves a seed file over HTTP; run --once exports it', async () => {
    const dir = fresh();
    const companyId = '7c0f6a52-1d2e-4b3a-9c8d-0e1f2a3b4c5d';
    writeFileSync(
      join(dir, 'items.json'),
      JSON.stringify(generateSeedItems({ companyId, seed: 9, count: 25 })),
    );
    const child = startLedgerport(['sandbox', '--port', '0', '--seed', 'items.json', '--json'], { cwd: dir });
    try {
      const details = JSON.parse(await firstLine(child)) as {
        baseUrl: string;
        apiKey: string;
        companyId: string;
        jobId: string;
        items: number;
      };
      expect(details.items).toBe(25);
      const config = writeConfig(dir, details.baseUrl, details.companyId, MEMORY_COMPANY);
      const run = await runLedgerport(['run', '--once', '--json', '--config', config], {
        env: { PLEO_API_KEY: details.apiKey },
      });
      expect(run.code, run.stderr).toBe(0);
      const job = (
        JSON.parse(run.stdout) as {
          companies: { jobs: { jobId: string; status: string; successful: number }[] }[];
        }
      ).companies[0]?.jobs[0];
      expect(job?.jobId).toBe(details.jobId);
      expect(job?.status).toBe('completed');
      expect(job?.successful).toBe(25);
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('ledgerport sandbox --seed + run --once with the file connectors', () => {
  it('exports a seed file with the SIE connector into .si files', async () => {
    const dir = fresh();
    const companyId = '7c0f6a52-1d2e-4b3a-9c8d-0e1f2a3b4c5d';
    writeFileSync(
      join(dir, 'items.json'),
      JSON.stringify(generateSeedItems({ companyId, seed: 4, count: 30 })),
    );
    mkdirSync(join(dir, 'out'));
    const child = startLedgerport(['sandbox', '--port', '0', '--seed', 'items.json', '--json'], { cwd: dir });
    try {
      const details = JSON.parse(await firstLine(child)) as {
        baseUrl: string;
        apiKey: string;
        companyId: string;
        jobId: string;
      };
      const config = writeConfig(dir, details.baseUrl, details.companyId, {
        connector: 'sie',
        config: {
          outputDirectory: join(dir, 'out'),
          companyName: 'Seed AB',
          organizationNumber: '556677-8899',
          contraAccounts: { SEK: '1930', DKK: '1931', EUR: '1932' },
        },
        mapping: { payablesAccount: '2440' },
      });
      const run = await runLedgerport(['run', '--once', '--json', '--config', config], {
        env: { PLEO_API_KEY: details.apiKey },
      });
      expect(run.code, run.stderr).toBe(0);
      const job = (
        JSON.parse(run.stdout) as {
          companies: { jobs: { status: string; successful: number; artifacts: string[] }[] }[];
        }
      ).companies[0]?.jobs[0];
      expect(job?.status).toBe('completed');
      expect(job?.successful).toBe(30);
      const siFiles = readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.si'));
      expect(siFiles.length).toBeGreaterThan(0);
      expect(siFiles.every((f) => f.startsWith(details.jobId))).toBe(true);
      const sie = readFileSync(join(dir, 'out', `${details.jobId}.si`), 'latin1');
      expect(sie).toMatch(/^#FLAGGA 0/);
      expect(sie).toContain('#VER');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('exports a seed file with the DATEV connector into EXTF Buchungsstapel files', async () => {
    const dir = fresh();
    const companyId = '7c0f6a52-1d2e-4b3a-9c8d-0e1f2a3b4c5d';
    writeFileSync(
      join(dir, 'items.json'),
      JSON.stringify(generateSeedItems({ companyId, seed: 6, count: 30 })),
    );
    mkdirSync(join(dir, 'out'));
    const child = startLedgerport(['sandbox', '--port', '0', '--seed', 'items.json', '--json'], { cwd: dir });
    try {
      const details = JSON.parse(await firstLine(child)) as {
        baseUrl: string;
        apiKey: string;
        companyId: string;
        jobId: string;
      };
      const config = writeConfig(dir, details.baseUrl, details.companyId, {
        connector: 'datev',
        config: {
          outputDirectory: join(dir, 'out'),
          beraternummer: 1001,
          mandantennummer: 1,
          chartOfAccounts: '03',
          vat: { mode: 'explicit_lines' },
          exchangeRates: { DKK: '7,4600', SEK: '11,2345' },
          contraAccounts: { EUR: '1200', DKK: '1210', SEK: '1220' },
        },
        mapping: { payablesAccount: '1600' },
      });
      const run = await runLedgerport(['run', '--once', '--json', '--config', config], {
        env: { PLEO_API_KEY: details.apiKey },
      });
      expect(run.code, run.stderr).toBe(0);
      const job = (
        JSON.parse(run.stdout) as { companies: { jobs: { status: string; successful: number }[] }[] }
      ).companies[0]?.jobs[0];
      expect(job?.status).toBe('completed');
      expect(job?.successful).toBe(30);
      const csv = readdirSync(join(dir, 'out')).filter((f) => /^EXTF_Buchungsstapel_\d{6}_.*\.csv$/.test(f));
      expect(csv.length).toBeGreaterThan(0);
      const first = readFileSync(join(dir, 'out', csv[0] as string), 'latin1');
      expect(first).toMatch(/^"EXTF";700;21;"Buchungsstapel";13;/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('ledgerport export <jobId>', () => {
  it('runs one job by id and reports it as JSON', async () => {
    const sandbox = createPleoSandbox();
    const seeded = sandbox.seedCompany({ seed: 8, itemCount: 12 });
    const server = await sandbox.listen({ port: 0 });
    const dir = fresh();
    try {
      writeConfig(dir, server.url, seeded.companyId, MEMORY_COMPANY);
      const run = await runLedgerport(['export', seeded.jobId, '--json'], {
        cwd: dir,
        env: { PLEO_API_KEY: seeded.apiKey },
      });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        jobId: seeded.jobId,
        status: 'completed',
        final: true,
        successful: 12,
        failed: 0,
      });
      expect(sandbox.getJob(seeded.jobId).status).toBe('completed');
      const unknown = await runLedgerport(['export', '00000000-0000-4000-8000-00000000abcd'], {
        cwd: dir,
        env: { PLEO_API_KEY: seeded.apiKey },
      });
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(
        /^ledgerport: cannot read job 00000000-0000-4000-8000-00000000abcd from Pleo/,
      );
    } finally {
      await server.close();
    }
  });
});

describe('ledgerport demo', () => {
  it('exports the seed company with SIE by default, writing .si files, and shows the sandbox’s final status', async () => {
    const dir = fresh();
    const run = await runLedgerport(['demo'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Final status \(recorded by Pleo\)\s*│\s*completed\s/);
    expect(run.stdout).toMatch(/Successful\s*│\s*64\s/);
    const files = readdirSync(join(dir, 'out'));
    const si = files.filter((f) => f.endsWith('.si'));
    expect(si.length).toBeGreaterThan(0);
    for (const file of si) expect(run.stdout).toContain(`out/${file}`);
    expect(readFileSync(join(dir, 'out', si[0] as string), 'latin1')).toContain('#VER');
  });

  it('exports with the memory connector and rejects an unknown one in one line', async () => {
    const dir = fresh();
    const run = await runLedgerport(['demo', '--connector', 'memory', '--items', '20'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Final status \(recorded by Pleo\)\s*│\s*completed\s/);
    expect(run.stdout).toMatch(/Successful\s*│\s*20\s/);
    const unknown = await runLedgerport(['demo', '--connector', 'sap'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'ledgerport: unknown demo connector "sap": use one of memory, sie, datev, xero, fortnox\n',
    );
  });

  it('exports into a local Xero fake with --connector xero and lists the documents’ external ids and links', async () => {
    const dir = fresh();
    const run = await runLedgerport(['demo', '--connector', 'xero', '--items', '34'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/→ xero into the Xero fake on http:\/\/127\.0\.0\.1:\d+/);
    // The sandbox's record: every item is booked (supplier credits as ACCPAYCREDIT credit notes).
    expect(run.stdout).toMatch(/Final status \(recorded by Pleo\)\s*│\s*completed\s/);
    const successful = Number(/Successful\s*│\s*(\d+)\s/.exec(run.stdout)?.[1]);
    const failed = Number(/Failed\s*│\s*(\d+)\s/.exec(run.stdout)?.[1]);
    expect(successful).toBe(34);
    expect(failed).toBe(0);
    expect(run.stdout).toMatch(/ERP\s*│\s*Xero fake on http:\/\/127\.0\.0\.1:\d+/);
    // External ids are Xero GUIDs with go.xero.com deep links.
    const ids = run.stdout.match(
      /│ [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s+│\n.*│\s+https:\/\/go\.xero\.com\/organisationlogin\/default\.aspx\?shortcode=/g,
    );
    expect(ids?.length).toBe(6);
    expect(run.stdout).toContain(`… and ${successful - 6} more`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('exports the seed company’s SEK wallet into a local Fortnox fake with --connector fortnox, listing voucher ids', async () => {
    const dir = fresh();
    const run = await runLedgerport(['demo', '--connector', 'fortnox', '--items', '12'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/→ fortnox into the Fortnox fake on http:\/\/127\.0\.0\.1:\d+/);
    expect(run.stdout).toMatch(/Final status \(recorded by Pleo\)\s*│\s*completed\s/);
    expect(run.stdout).toMatch(/Successful\s*│\s*12\s/);
    // Voucher ids {financialYear}/{series}/{number}, numbered in series A.
    const ids = [...run.stdout.matchAll(/│ (\d+\/A\/\d+)\s+│/g)].map((m) => m[1]?.split('/')[2]);
    expect(ids).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(run.stdout).toMatch(/… and \d+ more/);
  });
});
