import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { compareGoldenFiles } from '../src/testing/index';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ledgerport-golden-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('reports files whose bytes differ or are missing; update rewrites the golden directory', () => {
  const out = join(root, 'out');
  const golden = join(root, 'golden');
  mkdirSync(out);
  mkdirSync(golden);
  writeFileSync(join(out, 'a.si'), 'same');
  writeFileSync(join(golden, 'a.si'), 'same');
  writeFileSync(join(out, 'b.si'), 'new\r\n');
  writeFileSync(join(golden, 'b.si'), 'new\n');
  writeFileSync(join(out, 'c.si'), 'only in out');
  expect(compareGoldenFiles(out, golden, { update: false })).toEqual({
    golden: ['a.si', 'b.si'],
    differing: ['b.si', 'c.si'],
  });
  expect(compareGoldenFiles(out, golden, { update: true })).toEqual({
    golden: ['a.si', 'b.si', 'c.si'],
    differing: [],
  });
  expect(readFileSync(join(golden, 'b.si'), 'utf8')).toBe('new\r\n');
});
