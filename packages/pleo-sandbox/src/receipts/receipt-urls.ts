/**
 * Short-lived receipt URLs: `files[].url` is "active for a limited time (24 Hours) from the time
 * the export item is fetched" (spec `ExportItemFile.url`). Each fetch of an export item issues
 * `${baseUrl}/files/<fileId>?expires=<epoch seconds>`; the sandbox serves the file until then and
 * answers 403 after. An `expires` later than any issued for that file (a tampered URL) is refused.
 */
import type { SandboxClock } from '../clock/sandbox-clock';
import type { ExportItemFile } from '../model/pleo-types';
import { variantOfFileId } from './receipt-catalog';

/** How long an issued receipt URL stays valid, in milliseconds: 24 h (`files[].url`, pleo-export-api.md §4). */
export const RECEIPT_URL_VALIDITY_MS = 24 * 60 * 60 * 1000;

/** Result of checking a presented receipt URL. */
export type ReceiptUrlCheck = 'valid' | 'expired' | 'forged';

/** Issues and checks receipt URLs. */
export class ReceiptUrls {
  private readonly clock: SandboxClock;
  private readonly latestExpiry = new Map<string, number>();

  constructor(clock: SandboxClock) {
    this.clock = clock;
  }

  /**
   * Returns `files` with every sandbox receipt URL re-issued under `baseUrl` with a fresh expiry;
   * URLs that are not sandbox receipts are kept as they are.
   */
  issue(baseUrl: string, files: readonly ExportItemFile[]): ExportItemFile[] {
    const expires = Math.floor((this.clock.now().getTime() + RECEIPT_URL_VALIDITY_MS) / 1000);
    return files.map((file) => {
      const fileId = sandboxFileId(file.url);
      if (fileId === undefined) return file;
      if ((this.latestExpiry.get(fileId) ?? 0) < expires) this.latestExpiry.set(fileId, expires);
      return { ...file, url: `${baseUrl}/files/${fileId}?expires=${expires}` };
    });
  }

  /** Checks an `expires` query value presented for `fileId`. */
  check(fileId: string, expiresParam: string | null): ReceiptUrlCheck {
    const expires = Number(expiresParam);
    if (expiresParam === null || !Number.isSafeInteger(expires)) return 'forged';
    const latest = this.latestExpiry.get(fileId);
    if (latest === undefined || expires > latest) return 'forged';
    return this.clock.now().getTime() <= expires * 1000 ? 'valid' : 'expired';
  }
}

/** The sandbox file id in a receipt URL (`…/files/<fileId>[?…]`), if it is one. */
export function sandboxFileId(url: string): string | undefined {
  const match = /\/files\/([^/?#]+)(?:[?#].*)?$/.exec(url);
  const fileId = match?.[1];
  return fileId !== undefined && variantOfFileId(fileId) ? fileId : undefined;
}
