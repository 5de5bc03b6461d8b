/**
 * Fails when any zod enum of `@ledgerport/pleo` differs from the Export API spec's enum (values or
 * order), so a spec upgrade cannot silently drift from the client's types.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  bookkeepingMethodSchema,
  countryCodeSchema,
  currencyCodeSchema,
  exportItemSubTypeSchema,
  exportItemTypeSchema,
  exportJobEventTypeSchema,
  exportJobFailureReasonTypeSchema,
  exportJobItemFailureReasonTypeSchema,
  exportJobItemStatusSchema,
  exportJobItemUpdateErrorTypeSchema,
  exportJobStatusSchema,
  invoiceInformationStatusSchema,
  pageOrderSchema,
  taxTypeSchema,
} from '../../src/index';
import { component, loadExportSpec, type SpecSchema } from './openapi';

const spec = loadExportSpec();

function specEnum(schema: SpecSchema, where: string): unknown[] {
  if (!schema.enum) throw new Error(`${where} has no enum in the spec`);
  return schema.enum;
}

/** [spec location, how to read the enum from the spec, our zod enum]. */
const cases: [string, () => unknown[], z.ZodEnum][] = [
  [
    'ExportJobStatus',
    () => specEnum(component(spec, 'ExportJobStatus'), 'ExportJobStatus'),
    exportJobStatusSchema,
  ],
  [
    'ExportJobItemStatus',
    () => specEnum(component(spec, 'ExportJobItemStatus'), 'ExportJobItemStatus'),
    exportJobItemStatusSchema,
  ],
  [
    'ExportJobEventType',
    () => specEnum(component(spec, 'ExportJobEventType'), 'ExportJobEventType'),
    exportJobEventTypeSchema,
  ],
  [
    'ExportItemTypeV3',
    () => specEnum(component(spec, 'ExportItemTypeV3'), 'ExportItemTypeV3'),
    exportItemTypeSchema,
  ],
  [
    'ExportItemSubTypeV3',
    () => specEnum(component(spec, 'ExportItemSubTypeV3'), 'ExportItemSubTypeV3'),
    exportItemSubTypeSchema,
  ],
  ['TaxTypeV3', () => specEnum(component(spec, 'TaxTypeV3'), 'TaxTypeV3'), taxTypeSchema],
  [
    'BookkeepingMethodV3',
    () => specEnum(component(spec, 'BookkeepingMethodV3'), 'BookkeepingMethodV3'),
    bookkeepingMethodSchema,
  ],
  [
    'InvoiceInformationStatusV3',
    () => specEnum(component(spec, 'InvoiceInformationStatusV3'), 'InvoiceInformationStatusV3'),
    invoiceInformationStatusSchema,
  ],
  [
    'ExportJobFailureReasonType',
    () => specEnum(component(spec, 'ExportJobFailureReasonType'), 'ExportJobFailureReasonType'),
    exportJobFailureReasonTypeSchema,
  ],
  [
    'ExportJobItemFailureReasonType',
    () => specEnum(component(spec, 'ExportJobItemFailureReasonType'), 'ExportJobItemFailureReasonType'),
    exportJobItemFailureReasonTypeSchema,
  ],
  [
    'ExportJobItemUpdateErrorType',
    () => specEnum(component(spec, 'ExportJobItemUpdateErrorType'), 'ExportJobItemUpdateErrorType'),
    exportJobItemUpdateErrorTypeSchema,
  ],
  ['PageOrder', () => specEnum(component(spec, 'PageOrder'), 'PageOrder'), pageOrderSchema],
  ['CountryCode', () => specEnum(component(spec, 'CountryCode'), 'CountryCode'), countryCodeSchema],
  [
    'MoneyModel.currency',
    () => {
      const currency = component(spec, 'MoneyModel').properties?.currency;
      if (!currency) throw new Error('MoneyModel.currency missing from the spec');
      return specEnum(currency, 'MoneyModel.currency');
    },
    currencyCodeSchema,
  ],
  [
    'SupplierV3.country',
    () => {
      const country = component(spec, 'SupplierV3').properties?.country;
      if (!country) throw new Error('SupplierV3.country missing from the spec');
      return specEnum(country, 'SupplierV3.country');
    },
    countryCodeSchema,
  ],
  [
    'SupplierBankAccount.country',
    () => {
      const country = component(spec, 'SupplierBankAccount').properties?.country;
      if (!country) throw new Error('SupplierBankAccount.country missing from the spec');
      return specEnum(country, 'SupplierBankAccount.country');
    },
    countryCodeSchema,
  ],
];

describe('zod enums match export-openapi.yml', () => {
  it.each(cases)('%s', (_name, read, schema) => {
    expect(schema.options).toEqual(read());
  });

  it('the job failure enum used inline by the v3 job-event body is the component enum', () => {
    const event = component(spec, 'CreateExportJobEvent').properties?.failureReasonType;
    expect(event?.$ref).toBe('#/components/schemas/ExportJobFailureReasonType');
  });

  it('the job list `statuses` query parameter uses ExportJobStatus', () => {
    const list = spec.paths['/v3/export-jobs']?.get as
      | { parameters: { name: string; schema: SpecSchema }[] }
      | undefined;
    const statuses = list?.parameters.find((p) => p.name === 'statuses');
    expect(statuses?.schema.items?.$ref).toBe('#/components/schemas/ExportJobStatus');
  });
});
