import { type AccountingEntry, ItemError } from '@ledgerport/core';
import { CANONICAL_CHART_OF_ACCOUNTS, type CanonicalFixtureName, type ErpFake } from '@ledgerport/testkit';
import {
  createMemoryConnector,
  createMemoryLedger,
  type MemoryConnector,
  memoryErpFake,
} from '../../src/index';

/** A deliberately broken variant of the memory connector and the contract suite that must catch it. */
export interface Mutant {
  /** A test that must fail: `<suite> <test title>` (a substring of vitest's full name). */
  readonly mustFail: string;
  readonly build: () => { connector: () => MemoryConnector; erp: ErpFake };
  /** Passed as `testConnector`'s `refuses`. */
  readonly refuses?: Partial<Record<CanonicalFixtureName, string>>;
}

export const API_KEY = 'mem-mutant-key-9c2e71d0';

function base() {
  const ledger = createMemoryLedger({
    name: 'mutant',
    apiKey: API_KEY,
    chartOfAccounts: CANONICAL_CHART_OF_ACCOUNTS,
  });
  return { ledger, erp: memoryErpFake(ledger) as ErpFake };
}

/** Mutants by name; each breaks one promise of the contract. */
export const MUTANTS: Record<string, Mutant> = {
  'bad-id': {
    mustFail: 'manifest declares specificationVersion v1, a kebab-case id',
    build: () => {
      const { ledger, erp } = base();
      return { erp, connector: () => ({ ...createMemoryConnector({ ledger }), id: 'Memory_Ledger' }) };
    },
  },
  'validate-writes': {
    mustFail: 'validate passes job-level validation (no entries) without writing',
    build: () => {
      const { ledger, erp } = base();
      const connector = () => {
        const c = createMemoryConnector({ ledger });
        return {
          ...c,
          validate: async (ctx, job, entries) => {
            await ledger.enter('write', ctx.signal);
            return c.validate(ctx, job, entries);
          },
        } satisfies MemoryConnector;
      };
      return { erp, connector };
    },
  },
  'not-idempotent': {
    mustFail: 'idempotency posting the same entry twice yields one document',
    build: () => {
      const { ledger, erp } = base();
      const connector = () => {
        const c = createMemoryConnector({ ledger });
        let n = 0;
        return {
          ...c,
          postEntry: (ctx, entry) =>
            c.postEntry(ctx, { ...entry, idempotencyKey: `${entry.idempotencyKey}#${n++}` }),
        } satisfies MemoryConnector;
      };
      return { erp, connector };
    },
  },
  'drops-a-split-line': {
    mustFail: 'amounts conserves the amounts of card-purchase-split-three-lines-sek',
    build: () => {
      const { ledger, erp } = base();
      // Books only the first two lines of a split (still balanced: the contra line shrinks too).
      const dropLastSplitLine = (entry: AccountingEntry): AccountingEntry => {
        const expenses = entry.lines.filter((l) => l.role === 'expense');
        const last = expenses[expenses.length - 1];
        const contra = entry.lines.find((l) => l.role === 'contra' && l.side === 'credit');
        if (expenses.length < 3 || last === undefined || contra === undefined) return entry;
        const lines = entry.lines
          .filter((l) => l !== last)
          .map((l) => (l === contra ? { ...l, amount: l.amount - last.amount } : l));
        return { ...entry, lines };
      };
      const connector = () => {
        const c = createMemoryConnector({ ledger });
        return {
          ...c,
          postEntry: (ctx, entry) => c.postEntry(ctx, dropLastSplitLine(entry)),
        } satisfies MemoryConnector;
      };
      return { erp, connector };
    },
  },
  '429-not-retryable': {
    mustFail: 'errors 429 Too Many Requests',
    build: () => {
      const { ledger, erp } = base();
      const connector = () => {
        const c = createMemoryConnector({ ledger });
        return {
          ...c,
          postEntry: (ctx, entry) =>
            c.postEntry(ctx, entry).catch((error: unknown) => {
              if (ItemError.isInstance(error) && error.reason === 'accounting_system_rate_limit') {
                throw new ItemError(error.reason, error.message, { retryable: false });
              }
              throw error;
            }),
        } satisfies MemoryConnector;
      };
      return { erp, connector };
    },
  },
  'ignores-abort': {
    mustFail: 'cancellation rejects at once on an already-aborted signal',
    build: () => {
      const { ledger, erp } = base();
      const connector = () => {
        const c = createMemoryConnector({ ledger });
        return {
          ...c,
          postEntry: (ctx, entry) => c.postEntry({ ...ctx, signal: new AbortController().signal }, entry),
        } satisfies MemoryConnector;
      };
      return { erp, connector };
    },
  },
  'attach-without-limits': {
    mustFail: 'attachments refuses a file larger than maxBytes',
    build: () => {
      const { ledger, erp } = base();
      const connector = () => {
        const c = createMemoryConnector({ ledger });
        return {
          ...c,
          attach: async (_ctx, posted, file) => {
            ledger.attach(posted.result.externalId, { ...file, bytes: new Uint8Array(file.bytes) });
          },
        } satisfies MemoryConnector;
      };
      return { erp, connector };
    },
  },
  'leaks-api-key': {
    mustFail: 'secrets leaks no secret into errors or logs',
    build: () => {
      const { ledger, erp } = base();
      const connector = () => {
        const c = createMemoryConnector({ ledger });
        return {
          ...c,
          postEntry: (ctx, entry) =>
            c.postEntry(ctx, entry).catch((error: unknown) => {
              throw new ItemError(
                'accounting_system_unreachable',
                `request with key ${ctx.config.apiKey} failed`,
                {
                  cause: error,
                  retryable: true,
                },
              );
            }),
        } satisfies MemoryConnector;
      };
      return { erp, connector };
    },
  },
  'books-a-refused-fixture': {
    mustFail: 'post posts card-purchase-kwd',
    refuses: { 'card-purchase-kwd': 'declared refused, but this mutant books it anyway' },
    build: () => {
      const { ledger, erp } = base();
      return { erp, connector: () => createMemoryConnector({ ledger }) };
    },
  },
  'batch-not-idempotent': {
    mustFail: 'idempotency a batch replayed after a lost response yields one document per entry',
    build: () => {
      const { ledger, erp } = base();
      const connector = () => {
        const c = createMemoryConnector({ ledger });
        let n = 0;
        return {
          ...c,
          postEntries: (ctx, entries) =>
            c.postEntries!(
              ctx,
              entries.map((e) => ({ ...e, idempotencyKey: `${e.idempotencyKey}#${n++}` })),
            ),
        } satisfies MemoryConnector;
      };
      return { erp, connector };
    },
  },
};
