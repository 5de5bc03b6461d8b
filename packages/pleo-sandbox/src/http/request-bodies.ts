/**
 * Validation of request bodies against the spec's `CreateExportJobEvent`, `CreateExportJob` and
 * `UpdateExportJobItemV3` schemas. A bad body answers 400 `BAD_REQUEST` naming the field and the fix.
 */
import {
  exportJobEventTypeSchema,
  exportJobFailureReasonTypeSchema,
  exportJobItemFailureReasonTypeSchema,
  exportJobItemStatusSchema,
} from '@ledgerport/pleo';
import type { CreateExportJobEvent, UpdateExportJobItemV3 } from '../model/pleo-types';
import { badRequest } from './api-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses a JSON request body. @throws SandboxApiError 400 when it is missing or not JSON. */
export function parseJsonBody(body: string | undefined): unknown {
  if (body === undefined || body.trim() === '') {
    throw badRequest('body: a JSON body is required (Content-Type: application/json;charset=UTF-8)');
  }
  try {
    return JSON.parse(body);
  } catch {
    throw badRequest('body: not valid JSON');
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireUuid(value: unknown, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw badRequest(`${field}: must be a UUID string`);
  return value;
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${field}: must be a string`);
  return value;
}

function requireEnum<T extends string>(value: unknown, field: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw badRequest(`${field}: must be one of ${options.join(', ')}`);
  }
  return value as T;
}

/** Validates a `CreateExportJobEvent` body. */
export function parseCreateExportJobEvent(value: unknown): CreateExportJobEvent {
  if (!isObject(value)) throw badRequest('body: must be a CreateExportJobEvent object {event, jobId}');
  const event: CreateExportJobEvent = {
    event: requireEnum(value.event, 'event', exportJobEventTypeSchema.options),
    jobId: requireUuid(value.jobId, 'jobId'),
  };
  const failureReason = optionalString(value.failureReason, 'failureReason');
  if (failureReason !== undefined) event.failureReason = failureReason;
  if (value.failureReasonType !== undefined && value.failureReasonType !== null) {
    event.failureReasonType = requireEnum(
      value.failureReasonType,
      'failureReasonType',
      exportJobFailureReasonTypeSchema.options,
    );
  }
  return event;
}

/** A validated `CreateExportJob` body. */
export interface CreateExportJobBody {
  accountingEntryIds: string[];
  companyId: string;
  employeeId: string | null;
  isInteractive: boolean;
  vendorBasedBookkeeping: boolean;
}

/** Validates a `CreateExportJob` body. */
export function parseCreateExportJob(value: unknown): CreateExportJobBody {
  if (!isObject(value))
    throw badRequest('body: must be a CreateExportJob object {accountingEntryIds, companyId}');
  if (!Array.isArray(value.accountingEntryIds) || value.accountingEntryIds.length === 0) {
    throw badRequest('accountingEntryIds: must be a non-empty array of accounting entry UUIDs');
  }
  const accountingEntryIds = value.accountingEntryIds.map((id, i) =>
    requireUuid(id, `accountingEntryIds[${i}]`),
  );
  const companyId = requireUuid(value.companyId, 'companyId');
  const employeeId =
    value.employeeId === undefined || value.employeeId === null
      ? null
      : requireUuid(value.employeeId, 'employeeId');
  if (
    value.isInteractive !== undefined &&
    value.isInteractive !== null &&
    typeof value.isInteractive !== 'boolean'
  ) {
    throw badRequest('isInteractive: must be a boolean');
  }
  let vendorBasedBookkeeping = false;
  if (value.options !== undefined && value.options !== null) {
    if (!isObject(value.options)) throw badRequest('options: must be an object {vendorBasedBookkeeping}');
    const flag = value.options.vendorBasedBookkeeping;
    if (flag !== undefined && flag !== null && typeof flag !== 'boolean') {
      throw badRequest('options.vendorBasedBookkeeping: must be a boolean');
    }
    vendorBasedBookkeeping = flag === true;
  }
  return {
    accountingEntryIds,
    companyId,
    employeeId,
    isInteractive: value.isInteractive !== false,
    vendorBasedBookkeeping,
  };
}

/**
 * Validates a `PUT …/items` body: a JSON array of `UpdateExportJobItemV3`. The array length is not
 * checked here (the 413 limit is the store's).
 */
export function parseUpdateExportJobItems(value: unknown): UpdateExportJobItemV3[] {
  if (!Array.isArray(value)) throw badRequest('body: must be a JSON array of UpdateExportJobItemV3 objects');
  return value.map((entry: unknown, i) => {
    const at = `[${i}]`;
    if (!isObject(entry)) throw badRequest(`${at}: must be an object {accountingEntryId, status}`);
    const update: UpdateExportJobItemV3 = {
      accountingEntryId: requireUuid(entry.accountingEntryId, `${at}.accountingEntryId`),
      status: requireEnum(entry.status, `${at}.status`, exportJobItemStatusSchema.options),
    };
    const exportedAt = optionalString(entry.exportedAt, `${at}.exportedAt`);
    if (exportedAt !== undefined) {
      if (!DATE_TIME.test(exportedAt))
        throw badRequest(`${at}.exportedAt: must be an ISO 8601 date-time such as 2025-01-31T12:00:00Z`);
      update.exportedAt = exportedAt;
    }
    const externalId = optionalString(entry.externalId, `${at}.externalId`);
    if (externalId !== undefined) update.externalId = externalId;
    const externalUrl = optionalString(entry.externalUrl, `${at}.externalUrl`);
    if (externalUrl !== undefined) update.externalUrl = externalUrl;
    const failureReason = optionalString(entry.failureReason, `${at}.failureReason`);
    if (failureReason !== undefined) update.failureReason = failureReason;
    if (entry.failureReasonType !== undefined && entry.failureReasonType !== null) {
      update.failureReasonType = requireEnum(
        entry.failureReasonType,
        `${at}.failureReasonType`,
        exportJobItemFailureReasonTypeSchema.options,
      );
    }
    return update;
  });
}
