import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConnectorV1, ItemError } from '@ledgerport/core';
import type { ErpDocument, ErpFake, ErpFault } from '@ledgerport/testkit';
import { nodeOutputFileSystem, type OutputFileSystem } from '../output/output-file-system';
import type { ReceiptManifestEntry } from '../receipts/receipt-manifest';

/** A document read back from one of the output files, before its receipts are attached. */
export type FileDocument = Omit<ErpDocument, 'attachments'>;

/** Options of {@link createFileErpFake}. */
export interface CreateFileErpFakeOptions<Owner extends object> {
  /** Short name for the temporary directory (`ledgerport-<name>-XXXXXX`). */
  readonly name: string;
  /** Whether a file in the output directory is one of the format's accounting files. */
  isDocumentFile(fileName: string): boolean;
  /** Reads one accounting file back with the format's reader into documents (Σ debit/credit in minor units). */
  readDocuments(bytes: Uint8Array, fileName: string): readonly FileDocument[];
  /** The externalId of the document a manifest receipt belongs to (SIE `voucher`, DATEV `belegfeld1`). */
  receiptOwner(receipt: ReceiptManifestEntry<Owner>): string;
}

/** The file-sink ERP fake of a file connector, plus the hooks the connector under test is built with. */
export interface FileErpFake<Config> extends ErpFake {
  /** The output directory (a fresh temporary directory, emptied by `reset`). */
  readonly directory: string;
  /** Counts writes; build the connector under test with it (`createSieConnector({ fileSystem })`). */
  readonly fileSystem: OutputFileSystem;
  /**
   * Applies injected faults to the connector's ERP calls (`postEntry`, `commitJob`): a `timeout` with
   * `afterCommit` lets the call stage/write and then throws a retryable `accounting_system_timeout`
   * (the response is lost); a plain `timeout` hangs until `ctx.signal` aborts.
   * @throws `Error` (from the wrapped call) for `http` and `network` faults: files have no transport.
   */
  wrap(connector: ConnectorV1<Config>): ConnectorV1<Config>;
  /** Removes the temporary directory. */
  dispose(): void;
}

/**
 * A stateful fake of "the importing system" for a file connector (testkit `ErpFake`, for
 * `testConnector`): the ERP is a temporary output directory. `listDocuments` reads every accounting
 * file back with `readDocuments` (sorted by file name) and attaches the receipts the job manifests
 * (`*.receipts.json`) list for a document to the first document with that externalId. `writeCount`
 * counts `writeFileAtomic` calls through `fileSystem` since `reset`; `handlers` is empty.
 */
export function createFileErpFake<Config, Owner extends object = Record<string, string>>(
  options: CreateFileErpFakeOptions<Owner>,
): FileErpFake<Config> {
  const directory = mkdtempSync(join(tmpdir(), `ledgerport-${options.name}-`));
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

  const readBytes = (name: string) => new Uint8Array(readFileSync(join(directory, name)));

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
      const manifest = names
        .filter((name) => name.endsWith('.receipts.json'))
        .flatMap(
          (name) =>
            (
              JSON.parse(readFileSync(join(directory, name), 'utf8')) as {
                receipts: ReceiptManifestEntry<Owner>[];
              }
            ).receipts,
        );
      const documents: ErpDocument[] = [];
      const seen = new Set<string>();
      for (const name of names.filter((n) => options.isDocumentFile(n)).sort()) {
        for (const document of options.readDocuments(readBytes(name), name)) {
          const first = !seen.has(document.externalId);
          seen.add(document.externalId);
          documents.push({
            ...document,
            attachments: first
              ? manifest
                  .filter((receipt) => options.receiptOwner(receipt) === document.externalId)
                  .map((receipt) => ({ fileName: receipt.file, bytes: readBytes(receipt.file) }))
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
