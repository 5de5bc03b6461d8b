import type { ConnectorContext } from '@ledgerport/core';
import { type PerJobFileFormat, receiptManifestName } from '@ledgerport/file-kit';
import type { SieConfig } from '../config/sie-config';
import { readSieDocument } from '../document/read-sie-document';
import type { SieDocument, SieObject, SieObjectRef, SieVoucher } from '../document/sie-document';
import { writeSieDocument } from '../document/write-sie-document';
import { entryToVouchers, voucherKey } from '../voucher/entry-to-vouchers';
import { receiptFileName } from './receipt-file-name';
import type { SieJobStage, SieReceiptOwner, SieStagedVoucher, SieStageState } from './sie-job-stage';
import { sieManifest } from './sie-manifest';

/**
 * File name of a job's SIE file for one wallet currency: `<job id>.si` for the configured ledger
 * currency, `<job id>-<CUR>.si` for any other (a SIE file has one currency, `#VALUTA`; SIE 4B).
 * `currency` and `ledgerCurrency` are ISO 4217 codes. Plain concatenation: the connector checks the
 * job id with `@ledgerport/file-kit`'s `checkJobFileId` before any file name is built.
 */
export const sieFileName = (jobId: string, currency: string, ledgerCurrency: string): string =>
  currency === ledgerCurrency ? `${jobId}.si` : `${jobId}-${currency}.si`;

/** File name of a job's receipt manifest: `<job id>.receipts.json`. */
export const sieReceiptManifestName: (jobId: string) => string = receiptManifestName;

/**
 * The externalId reported to Pleo for a staged voucher: `<series><number>` for a numbered voucher
 * (`A12`), `<series>-<key>` when `number` is `''` (the importer numbers it; `key` is the entry's
 * idempotency key, see {@link voucherKey}). Never throws.
 */
export function sieExternalId(series: string, number: string, key: string): string {
  return number === '' ? `${series}-${key}` : `${series}${number}`;
}

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
const objectKey = (object: SieObjectRef): string => `${object.dimension}\u0000${object.object}`;

function buildDocument(
  ctx: ConnectorContext<SieConfig>,
  stage: SieJobStage,
  currency: string,
  vouchers: readonly SieVoucher[],
): SieDocument {
  const used = new Set(vouchers.flatMap((v) => v.transactions.flatMap((t) => t.objects.map(objectKey))));
  const objects = [...used]
    .map((key) => stage.state.objects.get(key))
    .filter((object): object is SieObject => object !== undefined)
    .sort((a, b) => a.dimension - b.dimension || a.object.localeCompare(b.object));
  const usedDimensions = new Set(objects.map((object) => object.dimension));
  const dimensions = [
    ...new Map(
      Object.values(ctx.config.dimensions).map((dimension) => [dimension.number, dimension]),
    ).values(),
  ]
    .filter((dimension) => usedDimensions.has(dimension.number))
    .sort((a, b) => a.number - b.number);
  return {
    program: ctx.config.program,
    generatedOn: isoDate(ctx.clock.now()),
    companyName: ctx.config.companyName,
    organizationNumber: ctx.config.organizationNumber,
    currency,
    dimensions,
    objects,
    vouchers,
  };
}

/**
 * The SIE 4I half of the connector for `@ledgerport/file-kit`'s per-job sink (SIE filformat Utgåva 4B,
 * type 4I): entries staged by idempotency key as `#VER` vouchers (numbered from `voucherNumberStart`
 * across the job), one CP437 `.si` file per wallet currency, receipts named `<voucher>-<n>.<ext>`;
 * existing job files are read back with {@link readSieDocument} and their vouchers found by
 * {@link voucherKey}.
 */
export const sieFileFormat: PerJobFileFormat<SieConfig, SieStagedVoucher, SieStageState, SieReceiptOwner> = {
  documentName: 'SIE file',
  receiptTarget: 'the SIE connector',
  attachments: sieManifest.attachments,

  jobFilePattern: (jobId) => new RegExp(`^${jobId}(?:-([A-Z]{3}))?\\.si$`),

  createState: () => ({ objects: new Map(), voucherCount: 0 }),

  readJobFile(file, stage) {
    const { document } = readSieDocument(file.bytes);
    for (const object of document.objects) stage.state.objects.set(objectKey(object), object);
    stage.state.voucherCount += document.vouchers.length;
    return document.vouchers.map((voucher) => {
      const key = voucherKey(voucher.text);
      return {
        key,
        externalId: sieExternalId(voucher.series, voucher.number, key),
        records: [{ currency: document.currency, voucher }],
      };
    });
  },

  entryKey: (entry) => entry.idempotencyKey,

  stageEntry(ctx, entry, stage) {
    const start = ctx.config.voucherNumberStart;
    const { vouchers, objects } = entryToVouchers(
      entry,
      ctx.config,
      (index) => (start === undefined ? '' : String(start + stage.state.voucherCount + index)),
      isoDate(ctx.clock.now()),
    );
    for (const object of objects) stage.state.objects.set(objectKey(object), object);
    stage.state.voucherCount += vouchers.length;
    return {
      externalId: sieExternalId(ctx.config.voucherSeries, vouchers[0]?.number ?? '', entry.idempotencyKey),
      records: vouchers.map((voucher) => ({ currency: entry.currency, voucher })),
    };
  },

  receiptFileName: (staged, file) =>
    receiptFileName(staged.externalId, file.index, file.mimeType, file.fileName),

  manifestOwner: (staged) => ({ voucher: staged.externalId, reference: staged.key }),

  render(ctx, stage) {
    const byCurrency = new Map<string, SieVoucher[]>();
    for (const staged of stage.entries.values()) {
      for (const { currency, voucher } of staged.records) {
        const list = byCurrency.get(currency) ?? [];
        list.push(voucher);
        byCurrency.set(currency, list);
      }
    }
    if (byCurrency.size === 0) byCurrency.set(ctx.config.currency, []);
    return [...byCurrency.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, vouchers]) => ({
        fileName: sieFileName(stage.jobId, currency, ctx.config.currency),
        bytes: writeSieDocument(buildDocument(ctx, stage, currency, vouchers)).bytes,
      }));
  },
};
