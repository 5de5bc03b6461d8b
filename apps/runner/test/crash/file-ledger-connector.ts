import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
import type { ConnectorV1 } from '@ledgerport/core';
import { z } from 'zod';

/** One line of the ledger file: a document created for an idempotency key. */
export interface LedgerLine {
  readonly key: string;
  readonly externalId: string;
  readonly pid: number;
  readonly debit: number;
  readonly credit: number;
}

const configSchema = z.strictObject({
  /** JSONL file holding one line per created document. */
  ledgerFile: z.string().min(1),
  /** Simulated ERP latency per post, in ms (so a job takes long enough to be killed mid-way). */
  delayMs: z.number().int().min(0).default(0),
  /** JSONL file holding one line per attached receipt (with `createFileLedgerConnector({ attachments: true })`). */
  attachmentsFile: z.string().min(1).optional(),
  /** Simulated ERP latency per attachment, in ms, spent before the line is written. */
  attachDelayMs: z.number().int().min(0).default(0),
});

/** One line of the attachments file: a receipt attached to a document. */
export interface AttachmentLine {
  readonly key: string;
  readonly externalId: string;
  readonly index: number;
  readonly pid: number;
}

/**
 * A test connector whose ledger persists across processes: every document it creates is one fsynced
 * JSONL line. Idempotency is `lookup` (like Fortnox): before creating, it looks the key up in the file,
 * so a post repeated after a crash returns the first document. A torn last line (killed mid-append) is
 * not a document and is ignored. The crash test counts lines per key to prove "posted exactly once".
 * With `attachments: true` it also accepts receipts (up to 5 per document): each `attach` waits
 * `attachDelayMs`, then appends one fsynced line to `attachmentsFile` (no look-up: an upload repeated
 * after a crash is a second line, i.e. a duplicate receipt, as in a real ERP).
 */
export function createFileLedgerConnector(
  options: { attachments?: boolean } = {},
): ConnectorV1<z.output<typeof configSchema>> {
  let index: Map<string, LedgerLine> | undefined;
  const load = (file: string): Map<string, LedgerLine> => {
    if (index !== undefined) return index;
    index = new Map();
    for (const line of readLedger(file)) if (!index.has(line.key)) index.set(line.key, line);
    return index;
  };
  return {
    specificationVersion: 'v1',
    id: 'file-ledger',
    manifest: {
      displayName: 'File ledger (crash test)',
      docsUrl: 'https://example.invalid/file-ledger',
      authMode: 'none',
      attachments:
        options.attachments === true
          ? {
              supported: true,
              maxBytes: 25 * 1024 * 1024,
              mimeTypes: [
                'application/pdf',
                'image/png',
                'image/jpeg',
                'image/gif',
                'image/heic',
                'image/tiff',
              ],
              maxFiles: 5,
              singleFileOnly: false,
            }
          : { supported: false },
      entryTypes: [
        'card_purchase',
        'card_invoice',
        'out_of_pocket',
        'mileage',
        'per_diem',
        'external_reimbursement',
        'direct_reimbursement',
        'invoice',
        'invoice_payment',
        'chargeback',
        'refund',
        'cashback',
        'atm_withdrawal',
        'wallet_topup',
        'wallet_unload',
        'personal_spend',
        'fee',
      ],
      bookkeepingMethods: ['journal', 'accounts_payable', 'none'],
      vendorBasedBookkeeping: true,
      idempotency: 'lookup',
      maxConcurrency: 1,
      batchSize: 1,
      delivery: 'per_entry',
    },
    configSchema,
    secretFields: [],
    async authenticate() {},
    async validate() {
      return { jobIssues: [], entryIssues: [] };
    },
    async postEntry(ctx, entry) {
      const docs = load(ctx.config.ledgerFile);
      const existing = docs.get(entry.idempotencyKey);
      if (existing !== undefined)
        return { externalId: existing.externalId, exportedAt: ctx.clock.now().toISOString() };
      if (ctx.config.delayMs > 0) await new Promise((r) => setTimeout(r, ctx.config.delayMs));
      const lines =
        entry.kind === 'journal' ? entry.lines : [...entry.lines, ...(entry.payment?.lines ?? [])];
      const line: LedgerLine = {
        key: entry.idempotencyKey,
        externalId: `DOC-${docs.size + 1}-${process.pid}`,
        pid: process.pid,
        debit: lines.filter((l) => l.side === 'debit').reduce((s, l) => s + l.amount, 0),
        credit: lines.filter((l) => l.side === 'credit').reduce((s, l) => s + l.amount, 0),
      };
      const fd = openSync(ctx.config.ledgerFile, 'a');
      try {
        appendFileSync(fd, `${JSON.stringify(line)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      docs.set(line.key, line);
      return { externalId: line.externalId, exportedAt: ctx.clock.now().toISOString() };
    },
    ...(options.attachments === true
      ? {
          async attach(ctx, posted, file) {
            const target = ctx.config.attachmentsFile;
            if (target === undefined) throw new Error('attachmentsFile is not configured');
            if (ctx.config.attachDelayMs > 0)
              await new Promise((r) => setTimeout(r, ctx.config.attachDelayMs));
            const line: AttachmentLine = {
              key: posted.entry.idempotencyKey,
              externalId: posted.result.externalId,
              index: file.index,
              pid: process.pid,
            };
            appendSynced(target, line);
          },
        }
      : {}),
  };
}

function appendSynced(file: string, line: unknown): void {
  const fd = openSync(file, 'a');
  try {
    appendFileSync(fd, `${JSON.stringify(line)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every complete line of the attachments file (a torn last line is skipped). */
export function readAttachments(file: string): AttachmentLine[] {
  return readJsonLines(file) as AttachmentLine[];
}

/** Every complete line of the ledger file (a torn last line is skipped). */
export function readLedger(file: string): LedgerLine[] {
  return readJsonLines(file) as LedgerLine[];
}

function readJsonLines(file: string): unknown[] {
  if (!existsSync(file)) return [];
  const out: unknown[] = [];
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (text.trim() === '') continue;
    try {
      out.push(JSON.parse(text));
    } catch {
      // torn write of a killed process: not a document
    }
  }
  return out;
}
