import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSeedItems, runSandboxCli, SandboxCliUsageError, SeedFileError } from '../src/index';

describe('ledgerport-sandbox CLI (runSandboxCli)', () => {
  it('--json prints one line {baseUrl, apiKey, companyId, jobId} and the server answers with those', async () => {
    const lines: string[] = [];
    const running = await runSandboxCli(
      ['--port', '0', '--items', '25', '--json', '--api-key', 'cli-key-1'],
      (line) => lines.push(line),
    );
    try {
      expect(lines).toHaveLength(1);
      const info = JSON.parse(lines[0]!);
      expect(info).toEqual({
        baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        apiKey: 'cli-key-1',
        companyId: expect.any(String),
        jobId: expect.any(String),
      });
      const auth = `Basic ${Buffer.from('cli-key-1:').toString('base64')}`;
      const job = (await (
        await fetch(`${info.baseUrl}/v3/export-jobs/${info.jobId}`, { headers: { authorization: auth } })
      ).json()) as {
        data: { numberOfItems: number; companyId: string };
      };
      expect(job.data).toMatchObject({ numberOfItems: 25, companyId: info.companyId });
    } finally {
      await running!.close();
    }
  });

  it('prints base URL, API key, company id and job id as text, seeding from a --seed file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
    try {
      const file = join(dir, 'items.json');
      writeFileSync(
        file,
        JSON.stringify(generateSeedItems({ companyId: '0b7f2c1e-5d4a-4e3b-8c2d-1a0f9e8d7c6b', count: 7 })),
      );
      const lines: string[] = [];
      const running = await runSandboxCli(['--port', '0', '--seed', file], (line) => lines.push(line));
      try {
        const text = lines.join('\n');
        expect(text).toContain(`base URL:   ${running!.info.baseUrl}`);
        expect(text).toContain(`API key:    ${running!.info.apiKey}`);
        expect(text).toContain(`company id: ${running!.info.companyId}`);
        expect(text).toContain(`job id:     ${running!.info.jobId}   (pending, 7 items)`);
      } finally {
        await running!.close();
      }
      writeFileSync(file, '[{"accountingEntryId": 1}]');
      await expect(runSandboxCli(['--port', '0', '--seed', file], () => {})).rejects.toThrow(SeedFileError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad options naming them, and prints help', async () => {
    await expect(runSandboxCli(['--port', 'abc'], () => {})).rejects.toThrow(/--port: expected an integer/);
    await expect(runSandboxCli(['--bogus'], () => {})).rejects.toThrow(SandboxCliUsageError);
    await expect(runSandboxCli(['--seed', 'a.json', '--items', '3'], () => {})).rejects.toThrow(
      /cannot be combined/,
    );
    const help: string[] = [];
    expect(await runSandboxCli(['--help'], (line) => help.push(line))).toBeUndefined();
    expect(help.join('')).toContain('Usage: ledgerport-sandbox');
  });
});
