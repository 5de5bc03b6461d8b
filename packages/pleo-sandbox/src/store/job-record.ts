/**
 * One export job and the state of its items, indexed for O(1) lookups by `accountingEntryId` and
 * O(page) listing (`ExportJobV3` + `ExportJobItemV3`, spec `components.schemas`).
 */
import type { ExportJobItemStatus } from '@ledgerport/pleo';
import type { ExportJobItemV3, ExportJobV3, UpdateExportJobItemV3 } from '../model/pleo-types';
import type { ItemSource } from './item-source';

/** Item statuses in code order; `statuses[i]` of a job holds an index into this list. */
export const ITEM_STATUSES: readonly ExportJobItemStatus[] = [
  'pending',
  'in_progress',
  'failed',
  'successful',
  'abandoned',
];
const STATUS_CODE = new Map(ITEM_STATUSES.map((status, code) => [status, code]));

/** Result fields an integration reported for one item (`UpdateExportJobItemV3` minus the status). */
export type ItemOutcome = Omit<UpdateExportJobItemV3, 'accountingEntryId' | 'status'>;

/** Mutable record of a job; the store hands out snapshots via {@link JobRecord.toJob}. */
export class JobRecord {
  readonly job: ExportJobV3;
  readonly source: ItemSource;
  /** `accountingEntryId` → position in the source. */
  readonly positionById: Map<string, number>;
  /** Status code per position (see {@link ITEM_STATUSES}). */
  readonly statuses: Uint8Array;
  /** Number of items per status code. */
  readonly statusCounts: number[];
  /** Reported outcomes, only for items that were updated. */
  readonly outcomes = new Map<number, ItemOutcome>();

  constructor(job: ExportJobV3, source: ItemSource) {
    this.job = job;
    this.source = source;
    this.positionById = new Map();
    for (let i = 0; i < source.count; i++) this.positionById.set(source.entryIdAt(i), i);
    this.statuses = new Uint8Array(source.count);
    this.statusCounts = ITEM_STATUSES.map(() => 0);
    this.statusCounts[0] = source.count;
  }

  /** A copy of the job as the API returns it (`ExportJobV3`). */
  toJob(): ExportJobV3 {
    return { ...this.job };
  }

  /** The status of the item at `position`. */
  statusAt(position: number): ExportJobItemStatus {
    return ITEM_STATUSES[this.statuses[position]!]!;
  }

  /** Code of `status` for comparisons against {@link JobRecord.statuses}. */
  static statusCode(status: ExportJobItemStatus): number {
    return STATUS_CODE.get(status)!;
  }

  /** Sets the status (and outcome fields) of the item at `position`, keeping counts in step. */
  setItem(position: number, status: ExportJobItemStatus, outcome?: ItemOutcome): void {
    const code = JobRecord.statusCode(status);
    const previous = this.statuses[position]!;
    this.statusCounts[previous]!--;
    this.statusCounts[code]!++;
    this.statuses[position] = code;
    if (outcome) this.outcomes.set(position, outcome);
  }

  /** Marks every `pending` or `in_progress` item `abandoned` (the job failed or expired). */
  abandonUnfinished(): void {
    const pending = JobRecord.statusCode('pending');
    const inProgress = JobRecord.statusCode('in_progress');
    const abandoned = JobRecord.statusCode('abandoned');
    const { statuses } = this;
    for (let i = 0; i < statuses.length; i++) {
      const code = statuses[i];
      if (code === pending || code === inProgress) statuses[i] = abandoned;
    }
    this.statusCounts[abandoned]! += this.statusCounts[pending]! + this.statusCounts[inProgress]!;
    this.statusCounts[pending] = 0;
    this.statusCounts[inProgress] = 0;
  }

  /** The `ExportJobItemV3` at `position`. Non-nullable spec fields are omitted when unset. */
  jobItemAt(position: number): ExportJobItemV3 {
    const item: ExportJobItemV3 = {
      accountingEntryId: this.source.entryIdAt(position),
      exportJobId: this.job.id,
      status: this.statusAt(position),
      exportedAt: null,
      externalId: null,
      externalUrl: null,
      failureReason: null,
    };
    const outcome = this.outcomes.get(position);
    if (outcome) {
      if (outcome.exportedAt !== undefined) item.exportedAt = outcome.exportedAt;
      if (outcome.externalId !== undefined) item.externalId = outcome.externalId;
      if (outcome.externalUrl !== undefined) item.externalUrl = outcome.externalUrl;
      if (outcome.failureReason !== undefined) item.failureReason = outcome.failureReason;
      if (outcome.failureReasonType !== undefined) item.failureReasonType = outcome.failureReasonType;
    }
    return item;
  }
}
