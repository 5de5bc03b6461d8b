import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPleoSandbox, generateSeedItems, loadSeedItemsFile, SeedFileError } from '../src/index';

const dir = mkdtempSync(join(tmpdir(), 'pleo-sandbox-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const COMPANY = '0b7f2c1e-5d4a-4e3b-8c2d-1a0f9e8d7c6b';

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, 'utf8');
  return path;
}

describe('loadSeedItemsFile', () => {
  it('round-trips generated items (UTF-8, non-ASCII intact) and seeds a job from them', () => {
    const items = generateSeedItems({ companyId: COMPANY, count: 12 });
    const loaded = loadSeedItemsFile(write('good.json', JSON.stringify(items, null, 2)));
    expect(loaded).toEqual(items);
    const sandbox = createPleoSandbox();
    const seeded = sandbox.seedCompany({ items: loaded });
    expect(sandbox.getJob(seeded.jobId).numberOfItems).toBe(12);
    expect(seeded.items[0]!.companyId).toBe(seeded.companyId);
  });

  it('names the item index and field path of a bad item', () => {
    const items = generateSeedItems({ companyId: COMPANY, count: 5 }) as unknown as Record<string, unknown>[];
    const broken = structuredClone(items);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately corrupting a nested field
    (broken[3] as any).accountingEntryLines[0].lineAmount.inWalletCurrency.value = '12.50';
    const path = write('bad.json', JSON.stringify(broken));
    expect(() => loadSeedItemsFile(path)).toThrow(SeedFileError);
    expect(() => loadSeedItemsFile(path)).toThrow(
      /items\[3\]\.accountingEntryLines\[0\]\.lineAmount\.inWalletCurrency\.value: /,
    );
  });

  it('rejects a missing required field, duplicates, non-arrays, bad JSON and missing files', () => {
    const [item] = generateSeedItems({ companyId: COMPANY, count: 1 });
    const { date: _date, ...withoutDate } = item!;
    expect(() => loadSeedItemsFile(write('nodate.json', JSON.stringify([item, withoutDate])))).toThrow(
      /items\[1\]\.date: /,
    );
    expect(() => loadSeedItemsFile(write('dup.json', JSON.stringify([item, item])))).toThrow(
      /items\[1\]\.accountingEntryId: duplicates items\[0\]/,
    );
    expect(() => loadSeedItemsFile(write('obj.json', '{"items":[]}'))).toThrow(/must hold a JSON array/);
    expect(() => loadSeedItemsFile(write('broken.json', '[{'))).toThrow(/not valid JSON/);
    expect(() => loadSeedItemsFile(join(dir, 'absent.json'))).toThrow(/cannot read seed file \(ENOENT\)/);
  });
});
