import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConnectorV1, ItemError } from '@ledgerport/core';
import type { ErpDocument, ErpFake, ErpFault } from '@ledgerport/testkit';
import {
  nodeOutputFileSystem,
  type OutputFileSystem,
  type ReceiptManifestEntry,
  readSieDocument,
  type SieConfig,
  sieExternalId,
  voucherKey,
} from '../../src/index';

/** The file-sink ERP fake of the SIE connector, plus the hooks the connector under test is built with. */
export interface SieFileErpFake extends ErpFake {
  /** The output directory (a fresh temporary directory, emptied by `reset`). */
  readonly directory: string;
  /** Counts writes; pass it as `createSieConnector({ fileSystem })`. */
  readonly fileSystem: OutputFileSystem;
  /**
   * Applies injected faults to the connector's ERP calls (`postEntry`, `commitJob`): a `timeout` with
   * `afterCommit` lets the call stage/write and then throws a retryable `accounting_system_timeout`
   * (the response is lost); a plain `timeout` hangs until `ctx.signal` aborts.
   */
  wrap(connector: ConnectorV1<SieConfig>): ConnectorV1<SieConfig>;
  /** Removes the temporary directory. */
  dispose(): void;
}

/**
 * A stateful fake of "the importing system" for the SIE connector: the ERP is the output directory.
 * `listDocuments` reads every `.si` file back with the package's reader (which checks balance and
 * `#KSUMMA`), one document per `#VER`, with the receipts the manifest lists for it.
 */
export function createSieFileErpFake(): SieFileErpFake {
  const directory = mkdtempSync(join(tmpdir(), 'ledgerport-sie-'));
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
      for (const name of names.filter((n) => n.endsWith('.si')).sort()) {
        const { document } = readSieDocument(new Uint8Array(readFileSync(join(directory, name))));
        for (const voucher of document.vouchers) {
          const externalId = sieExternalId(voucher.series, voucher.number, voucherKey(voucher.text));
          const first = !seen.has(externalId);
          seen.add(externalId);
          documents.push({
            externalId,
            currency: document.currency,
            debit: voucher.transactions.reduce((sum, row) => sum + Math.max(row.amount, 0), 0),
            credit: voucher.transactions.reduce((sum, row) => sum + Math.max(-row.amount, 0), 0),
            attachments: first
              ? manifest
                  .filter((receipt) => receipt.voucher === externalId)
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
