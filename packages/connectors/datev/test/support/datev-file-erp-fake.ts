import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConnectorV1, ItemError, parseDecimalToMinorUnits } from '@ledgerport/core';
import type { ErpDocument, ErpFake, ErpFault } from '@ledgerport/testkit';
import {
  COLUMN,
  type DatevConfig,
  nodeOutputFileSystem,
  type OutputFileSystem,
  type ReceiptManifestEntry,
  readBuchungsstapel,
} from '../../src/index';

/** The file-sink ERP fake of the DATEV connector, plus the hooks the connector under test is built with. */
export interface DatevFileErpFake extends ErpFake {
  /** The output directory (a fresh temporary directory, emptied by `reset`). */
  readonly directory: string;
  /** Counts writes; pass it as `createDatevConnector({ fileSystem })`. */
  readonly fileSystem: OutputFileSystem;
  /**
   * Applies injected faults to the connector's ERP calls (`postEntry`, `commitJob`): a `timeout` with
   * `afterCommit` lets the call stage/write and then throws a retryable `accounting_system_timeout`
   * (the response is lost); a plain `timeout` hangs until `ctx.signal` aborts.
   */
  wrap(connector: ConnectorV1<DatevConfig>): ConnectorV1<DatevConfig>;
  /** Removes the temporary directory. */
  dispose(): void;
}

/**
 * A stateful fake of "the importing system" for the DATEV connector: the ERP is the output directory.
 * `listDocuments` reads every Buchungsstapel back with the package's reader (header, headings and field
 * rules checked) and makes one document per file, Belegfeld 1 and Gegenkonto (a paid supplier invoice
 * has its invoice bookings against the payable account and its payment against the wallet): each
 * booking posts its Umsatz to Konto and Gegenkonto, and the document's debit/credit are the account
 * balances' positive/negative sums.
 */
export function createDatevFileErpFake(): DatevFileErpFake {
  const directory = mkdtempSync(join(tmpdir(), 'ledgerport-datev-'));
  let writes = 0;
  let faults: ErpFault[] = [];

  const fileSystem: OutputFileSystem = {
    ...nodeOutputFileSystem,
    async writeFileAtomic(path, bytes) {
      writes += 1;
      await nodeOutputFileSystem.writeFileAtomic(path, bytes);
    },
  };

  const takeFault = (): ErpFault | undefined => {
    const fault = faults[0];
    if (fault === undefined) return undefined;
    const left = (fault.times ?? 1) - 1;
    faults = left > 0 ? [{ ...fault, times: left }, ...faults.slice(1)] : faults.slice(1);
    return fault;
  };

  const lostResponse = () =>
    new ItemError('accounting_system_timeout', 'The write committed but its response was lost (simulated).', {
      retryable: true,
    });

  async function withFault<T>(signal: AbortSignal, call: () => Promise<T>): Promise<T> {
    const fault = takeFault();
    if (fault === undefined) return call();
    if (fault.kind !== 'timeout')
      throw new Error(`file formats have no HTTP transport: fault ${fault.kind} does not apply`);
    if (fault.afterCommit === true) {
      await call();
      throw lostResponse();
    }
    signal.throwIfAborted();
    return new Promise<T>((_, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }

  return {
    directory,
    fileSystem,
    handlers: [],
    reset() {
      rmSync(directory, { recursive: true, force: true });
      mkdirSync(directory, { recursive: true });
      writes = 0;
      faults = [];
    },
    async writeCount() {
      return writes;
    },
    injectFault(fault) {
      faults.push(fault);
    },
    async listDocuments() {
      const names = readdirSync(directory);
      const manifest: ReceiptManifestEntry[] = names
        .filter((name) => name.endsWith('.receipts.json'))
        .flatMap(
          (name) =>
            (JSON.parse(readFileSync(join(directory, name), 'utf8')) as { receipts: ReceiptManifestEntry[] })
              .receipts,
        );
      const documents: ErpDocument[] = [];
      const seen = new Set<string>();
      for (const name of names.filter((n) => n.startsWith('EXTF_') && n.endsWith('.csv')).sort()) {
        const { rows } = readBuchungsstapel(new Uint8Array(readFileSync(join(directory, name))));
        const groups = new Map<
          string,
          { externalId: string; currency: string; balances: Map<string, number> }
        >();
        for (const row of rows) {
          const externalId = row[COLUMN.belegfeld1] ?? '';
          const currency = row[COLUMN.wkzUmsatz] ?? '';
          const groupKey = `${externalId}\u0000${row[COLUMN.gegenkonto] ?? ''}`;
          const group = groups.get(groupKey) ?? { externalId, currency, balances: new Map<string, number>() };
          groups.set(groupKey, group);
          const amount = parseDecimalToMinorUnits(row[COLUMN.umsatz] ?? '', currency, {
            decimalSeparator: ',',
          });
          const signed = row[COLUMN.sollHaben] === 'S' ? amount : -amount;
          const konto = row[COLUMN.konto] ?? '';
          const gegenkonto = row[COLUMN.gegenkonto] ?? '';
          group.balances.set(konto, (group.balances.get(konto) ?? 0) + signed);
          group.balances.set(gegenkonto, (group.balances.get(gegenkonto) ?? 0) - signed);
        }
        for (const { externalId, ...group } of groups.values()) {
          const first = !seen.has(externalId);
          seen.add(externalId);
          const balances = [...group.balances.values()];
          documents.push({
            externalId,
            currency: group.currency,
            debit: balances.reduce((sum, value) => sum + Math.max(value, 0), 0),
            credit: balances.reduce((sum, value) => sum + Math.max(-value, 0), 0),
            attachments: first
              ? manifest
                  .filter((receipt) => receipt.belegfeld1 === externalId)
                  .map((receipt) => ({
                    fileName: receipt.file,
                    bytes: new Uint8Array(readFileSync(join(directory, receipt.file))),
                  }))
              : [],
          });
        }
      }
      return documents;
    },
    wrap(connector) {
      return {
        ...connector,
        postEntry: (ctx, entry) => withFault(ctx.signal, () => connector.postEntry(ctx, entry)),
        commitJob: (ctx, commit) => withFault(ctx.signal, () => connector.commitJob!(ctx, commit)),
      };
    },
    dispose() {
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
