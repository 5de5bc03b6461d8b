/**
 * The contract suite must be able to fail: each mutant in ./mutants breaks one promise of the
 * contract in the memory connector, and running testConnector on it (in a child vitest) must fail the
 * suite that guards that promise. Also: a skip without a written reason fails the file.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MUTANTS } from './mutants/mutants';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const outDir = mkdtempSync(join(tmpdir(), 'ledgerport-mutants-'));

interface Run {
  readonly exitCode: number;
  readonly failed: string[];
  readonly fileMessages: string[];
}

function runMutant(name: string, env: Record<string, string> = {}): Promise<Run> {
  const outputFile = join(outDir, `${name}-${Object.keys(env).length}.json`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        vitestBin,
        'run',
        '--config',
        'test/mutants/vitest.mutants.config.ts',
        '--reporter=json',
        `--outputFile=${outputFile}`,
      ],
      { cwd: packageDir, env: { ...process.env, LEDGERPORT_MUTANT: name, ...env } },
      (error) => {
        const report = JSON.parse(readFileSync(outputFile, 'utf8')) as {
          testResults: { message?: string; assertionResults: { status: string; fullName: string }[] }[];
        };
        resolve({
          exitCode: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
          failed: report.testResults.flatMap((f) =>
            f.assertionResults.filter((a) => a.status === 'failed').map((a) => a.fullName),
          ),
          fileMessages: report.testResults.map((f) => f.message ?? ''),
        });
      },
    );
  });
}

describe('testConnector catches broken connectors', { timeout: 120_000 }, () => {
  const runs = new Map(Object.keys(MUTANTS).map((name) => [name, runMutant(name)]));

  for (const [name, mutant] of Object.entries(MUTANTS)) {
    it(`fails "${mutant.mustFail}" for mutant ${name}`, async () => {
      const run = await runs.get(name)!;
      expect(run.exitCode).not.toBe(0);
      expect(
        run.failed.some((fullName) => fullName.includes(mutant.mustFail)),
        run.failed.join('\n'),
      ).toBe(true);
    });
  }

  it('rejects a skip without a written reason', async () => {
    const run = await runMutant('bad-id', { LEDGERPORT_MUTANT_SKIP: '  ' });
    expect(run.exitCode).not.toBe(0);
    expect(run.fileMessages.join('\n')).toContain('skip needs a reason');
  });
});
