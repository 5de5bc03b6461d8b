import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AccountingEntry, ItemError, JobError } from '@ledgerport/core';
import { canonicalEntries, canonicalJob, canonicalReceipts, createTestContext } from '@ledgerport/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeOutputFileSystem, type OutputFileSystem } from '../src/index';
import { runFileJob } from '../src/testing/index';
import { createLinesConnector, type LinesConfig } from './support/ledger-lines-format';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'ledgerport-file-kit-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const job = canonicalJob();
const sek = (): AccountingEntry[] => canonicalEntries().filter((entry) => entry.currency === 'SEK');
const sekFile = () => join(directory, `${job.id}-SEK.lines`);
const referencesIn = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(';', 1)[0]);

describe('per-job file sink: staging', () => {
  it('stages idempotently: the same entry twice keeps one record set and returns the same externalId', async () => {
    const [entry] = sek();
    const { posted, artifacts } = await runFileJob(createLinesConnector(), { outputDirectory: directory }, [
      entry!,
      entry!,
    ]);
    expect(posted.map((p) => p.result.externalId)).toEqual(['L1', 'L1']);
    expect(artifacts).toEqual([sekFile()]);
    expect(referencesIn(sekFile())).toEqual(entry!.lines.map(() => entry!.reference));
  });

  it('an ItemError from the format fails that entry only and stages nothing for it', async () => {
    const [good, other] = sek();
    const bad = { ...other!, reference: 'semi;colon' };
    const { failures, posted } = await runFileJob(createLinesConnector(), { outputDirectory: directory }, [
      bad,
      good!,
    ]);
    expect(failures.map((f) => [f.error.reason, f.error.field])).toEqual([
      ['validation_failure', 'reference'],
    ]);
    expect(posted.map((p) => p.entry.reference)).toEqual([good!.reference]);
    expect(new Set(referencesIn(sekFile()))).toEqual(new Set([good!.reference]));
  });

  it('refuses a job id that cannot be a file name (validation_failure naming job.id), writing nothing', async () => {
    const error = await runFileJob(createLinesConnector(), { outputDirectory: directory }, sek(), {
      jobId: '../escape',
    }).catch((e: unknown) => e);
    expect(JobError.isInstance(error)).toBe(true);
    expect([(error as JobError).reason, (error as JobError).field]).toEqual(['validation_failure', 'job.id']);
    expect(readdirSync(directory)).toEqual([]);
  });
});

describe('per-job file sink: re-run after a commit', () => {
  it('merges by reference: entries already in the job files are kept byte for byte and not added again', async () => {
    const entries = sek();
    expect(entries.length).toBeGreaterThanOrEqual(3);
    const first = await runFileJob(
      createLinesConnector(),
      { outputDirectory: directory },
      entries.slice(0, 2),
    );
    const before = readFileSync(sekFile(), 'utf8');
    const connector = createLinesConnector();
    const rerun = await runFileJob(connector, { outputDirectory: directory }, entries);
    expect(rerun.posted.slice(0, 2).map((p) => p.result.externalId)).toEqual(
      first.posted.map((p) => p.result.externalId),
    );
    const after = readFileSync(sekFile(), 'utf8');
    expect(after.startsWith(before), 'earlier records must be kept byte for byte').toBe(true);
    const references = referencesIn(sekFile());
    for (const entry of entries)
      expect(references.filter((r) => r === entry.reference)).toHaveLength(entry.lines.length);
  });

  it('marks read-back entries fromFile and keeps reading the job files only (not other jobs)', async () => {
    const [a, b] = sek();
    await runFileJob(createLinesConnector(), { outputDirectory: directory }, [a!]);
    await runFileJob(createLinesConnector(), { outputDirectory: directory }, [b!], { jobId: 'other-job' });
    const connector = createLinesConnector();
    const ctx = createTestContext<LinesConfig>(connector, { outputDirectory: directory });
    const stage = await connector.sink.stage(ctx);
    expect([...stage.entries.values()].map((e) => [e.key, e.fromFile])).toEqual([[a!.reference, true]]);
  });

  it('a job file that is not valid is a JobError invalid_configuration naming outputDirectory', async () => {
    writeFileSync(sekFile(), 'garbage\n');
    const error = await runFileJob(createLinesConnector(), { outputDirectory: directory }, sek()).catch(
      (e: unknown) => e,
    );
    expect(JobError.isInstance(error)).toBe(true);
    expect((error as JobError).reason).toBe('invalid_configuration');
    expect((error as JobError).field).toBe('outputDirectory');
    expect((error as JobError).message).toMatch(/is not a valid lines file \(missing #lines header\)/);
  });
});

describe('per-job file sink: atomic commit', () => {
  it('never leaves a half-written file: a failed write keeps the previous complete file', async () => {
    const entries = sek();
    await runFileJob(createLinesConnector(), { outputDirectory: directory }, entries.slice(0, 2));
    const before = readFileSync(sekFile());
    const failing: OutputFileSystem = {
      ...nodeOutputFileSystem,
      async writeFileAtomic(path) {
        throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), {
          code: 'ENOSPC',
        });
      },
    };
    const error = await runFileJob(
      createLinesConnector(failing),
      { outputDirectory: directory },
      entries,
    ).catch((e: unknown) => e);
    expect(JobError.isInstance(error)).toBe(true);
    expect((error as JobError).field).toBe('outputDirectory');
    expect((error as JobError).message).toMatch(/cannot be used \(ENOSPC\)/);
    expect(readFileSync(sekFile()).equals(before)).toBe(true);
    expect(readdirSync(directory)).toEqual([`${job.id}-SEK.lines`]);
  });

  it('writes receipts, then the manifest, then the job files; artifacts list the job files first', async () => {
    const writes: string[] = [];
    const counting: OutputFileSystem = {
      ...nodeOutputFileSystem,
      async writeFileAtomic(path, bytes) {
        writes.push(path.slice(directory.length + 1));
        await nodeOutputFileSystem.writeFileAtomic(path, bytes);
      },
    };
    const connector = createLinesConnector(counting);
    const ctx = createTestContext<LinesConfig>(connector, { outputDirectory: directory });
    const entry = sek()[0]!;
    const result = await connector.postEntry(ctx, entry);
    await connector.attach!(ctx, { entry, result }, { ...canonicalReceipts().pdf, index: 0 });
    const { artifacts } = await connector.commitJob!(ctx, { job: ctx.job, posted: [{ entry, result }] });
    expect(writes).toEqual(['L1-1.pdf', `${job.id}.receipts.json`, `${job.id}-SEK.lines`]);
    expect(artifacts.map((path) => path.slice(directory.length + 1))).toEqual([
      `${job.id}-SEK.lines`,
      'L1-1.pdf',
      `${job.id}.receipts.json`,
    ]);
  });
});

describe('per-job file sink: receipts', () => {
  it('refuses a receipt over maxBytes (receipt_file_size_limit_exceeded) and a MIME type outside the list (receipt_conversion_failure)', async () => {
    const connector = createLinesConnector();
    const ctx = createTestContext<LinesConfig>(connector, { outputDirectory: directory });
    const entry = sek()[0]!;
    const result = await connector.postEntry(ctx, entry);
    const big = { fileName: 'big.pdf', mimeType: 'application/pdf', bytes: new Uint8Array(1025), index: 1 };
    const gif = { fileName: 'a.gif', mimeType: 'image/gif', bytes: new Uint8Array(10), index: 2 };
    const errors = await Promise.all(
      [big, gif].map((file) => connector.attach!(ctx, { entry, result }, file).catch((e: unknown) => e)),
    );
    expect(errors.map((e) => ItemError.isInstance(e) && [e.reason, e.field, e.retryable])).toEqual([
      ['receipt_file_size_limit_exceeded', 'files[1]', false],
      ['receipt_conversion_failure', 'files[2]', false],
    ]);
    expect((errors[0] as ItemError).message).toBe(
      'Receipt 2 is 1025 bytes; the lines format takes receipts up to 1024 bytes: shrink or split the receipt in Pleo.',
    );
    await connector.commitJob!(ctx, { job: ctx.job, posted: [{ entry, result }] });
    expect(readdirSync(directory)).toEqual([`${job.id}-SEK.lines`]);
  });

  it('copies receipts with a manifest (owner fields first, sha256), once across re-runs', async () => {
    const { pdf, png } = canonicalReceipts();
    const small = (r: typeof pdf) => ({ ...r, bytes: r.bytes.subarray(0, 1000) });
    const entry = sek()[0]!;
    for (const files of [[small(pdf), small(png)], [small(pdf)]]) {
      const connector = createLinesConnector();
      const ctx = createTestContext<LinesConfig>(connector, { outputDirectory: directory });
      const result = await connector.postEntry(ctx, entry);
      for (const [index, file] of files.entries())
        await connector.attach!(ctx, { entry, result }, { ...file, index });
      await connector.commitJob!(ctx, { job: ctx.job, posted: [{ entry, result }] });
    }
    expect(readdirSync(directory).sort()).toEqual(
      [`${job.id}-SEK.lines`, `${job.id}.receipts.json`, 'L1-1.pdf', 'L1-2.png'].sort(),
    );
    const text = readFileSync(join(directory, `${job.id}.receipts.json`), 'utf8');
    const manifest = JSON.parse(text) as { job: string; receipts: Record<string, unknown>[] };
    expect(manifest.job).toBe(job.id);
    expect(manifest.receipts.map((r) => Object.keys(r))).toEqual([
      ['entry', 'reference', 'file', 'mimeType', 'bytes', 'sha256'],
      ['entry', 'reference', 'file', 'mimeType', 'bytes', 'sha256'],
    ]);
    const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(manifest.receipts[0]!.sha256).toBe(sha256(small(pdf).bytes));
    expect(manifest.receipts.map((r) => [r.entry, r.file, r.bytes])).toEqual([
      ['L1', 'L1-1.pdf', Math.min(1000, pdf.bytes.byteLength)],
      ['L1', 'L1-2.png', Math.min(1000, png.bytes.byteLength)],
    ]);
    expect(readFileSync(join(directory, 'L1-1.pdf')).equals(Buffer.from(pdf.bytes.subarray(0, 1000)))).toBe(
      true,
    );
  });
});

describe('per-job file sink: output directory check', () => {
  it('names a missing directory with its errno code and writes nothing', async () => {
    const connector = createLinesConnector();
    const ctx = createTestContext<LinesConfig>(connector, { outputDirectory: join(directory, 'missing') });
    expect(await connector.sink.checkOutputDirectory(ctx)).toEqual([
      {
        reason: 'invalid_configuration',
        message: expect.stringMatching(/outputDirectory ".*missing" cannot be used \(ENOENT\): create it/),
      },
    ]);
    const ok = createTestContext<LinesConfig>(connector, { outputDirectory: directory });
    expect(await connector.sink.checkOutputDirectory(ok)).toEqual([]);
    expect(readdirSync(directory)).toEqual([]);
  });
});
