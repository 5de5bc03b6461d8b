import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  escalateItemReason,
  ITEM_FAILURE_REASONS,
  JOB_FAILURE_REASONS,
  SYSTEMIC_ITEM_REASONS,
} from '../../src/errors/failure-reasons';

const specPath = fileURLToPath(
  new URL('../../../../../shared/specs/pleo/export-openapi.yml', import.meta.url),
);

/** The `enum:` values of `components.schemas.<name>` in the Pleo Export API spec. */
function specEnum(name: string): string[] {
  const lines = readFileSync(specPath, 'utf8').split('\n');
  const start = lines.indexOf(`    ${name}:`);
  if (start < 0) throw new Error(`${name} not found in ${specPath}`);
  const values: string[] = [];
  let inEnum = false;
  for (const line of lines.slice(start + 1)) {
    if (/^ {4}\S/.test(line)) break; // next schema
    if (/^ {6}enum:/.test(line)) inEnum = true;
    else if (inEnum && /^ {6}- /.test(line)) values.push(line.slice(8).trim());
    else if (inEnum && /^ {6}\S/.test(line)) inEnum = false;
  }
  return values;
}

describe('failure reasons match the Pleo spec', () => {
  test('15 job reasons = ExportJobFailureReasonType', () => {
    expect(JOB_FAILURE_REASONS).toHaveLength(15);
    expect([...JOB_FAILURE_REASONS].sort()).toEqual(specEnum('ExportJobFailureReasonType').sort());
  });

  test('18 item reasons = ExportJobItemFailureReasonType', () => {
    expect(ITEM_FAILURE_REASONS).toHaveLength(18);
    expect([...ITEM_FAILURE_REASONS].sort()).toEqual(specEnum('ExportJobItemFailureReasonType').sort());
  });

  test('systemic item reasons escalate to job reasons that exist; others do not escalate', () => {
    for (const [item, job] of Object.entries(SYSTEMIC_ITEM_REASONS)) {
      expect(JOB_FAILURE_REASONS).toContain(job);
      expect(escalateItemReason(item as keyof typeof SYSTEMIC_ITEM_REASONS)).toBe(job);
    }
    expect(escalateItemReason('validation_failure')).toBeUndefined();
    expect(escalateItemReason('vendor_unknown')).toBeUndefined();
  });
});
