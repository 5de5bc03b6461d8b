/**
 * Conformance of the zod object schemas with `components.schemas` of export-openapi.yml: the same
 * property names, the same required keys, nullability (`nullable: true` on the property or on the
 * referenced component ⇒ null accepted; otherwise null rejected), the spec's property examples
 * accepted, and "This can be one of X values" strings typed as enum X.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  accountV3Schema,
  bookkeepingV3Schema,
  contraAccountSchema,
  createExportJobEventSchema,
  createExportJobOptionsSchema,
  createExportJobSchema,
  cursorPageCurrentRequestInfoSchema,
  cursorPageInfoSchema,
  exceptionInfoSchema,
  exportItemAdditionalInformationV3Schema,
  exportItemAmountV3Schema,
  exportItemFileSchema,
  exportItemLineAmountV3Schema,
  exportItemLineV3Schema,
  exportItemNetAmountV3Schema,
  exportItemUserV3Schema,
  exportItemV3Schema,
  exportJobItemUpdateErrorV3Schema,
  exportJobItemUpdateV3Schema,
  exportJobItemV3Schema,
  exportJobV3Schema,
  invoiceInformationV3Schema,
  linksResponseSchema,
  moneyModelSchema,
  servicePeriodV3Schema,
  supplierBankAccountSchema,
  supplierV3Schema,
  tagV3Schema,
  taxAmountV3Schema,
  taxV3Schema,
  teamV3Schema,
  updateExportJobItemV3Schema,
  vendorV3Schema,
} from '../../src/index';
import { component, loadExportSpec, resolveRef, type SpecSchema } from './openapi';

const spec = loadExportSpec();

const objects: [string, z.ZodObject][] = [
  ['ExportJobV3', exportJobV3Schema],
  ['CreateExportJob', createExportJobSchema],
  ['Options', createExportJobOptionsSchema],
  ['CreateExportJobEvent', createExportJobEventSchema],
  ['ExportJobItemV3', exportJobItemV3Schema],
  ['UpdateExportJobItemV3', updateExportJobItemV3Schema],
  ['ExportJobItemUpdateV3', exportJobItemUpdateV3Schema],
  ['ExportJobItemUpdateErrorV3', exportJobItemUpdateErrorV3Schema],
  ['ExportItemV3', exportItemV3Schema],
  ['ExportItemLineV3', exportItemLineV3Schema],
  ['AccountV3', accountV3Schema],
  ['TagV3', tagV3Schema],
  ['TaxV3', taxV3Schema],
  ['TaxAmountV3', taxAmountV3Schema],
  ['MoneyModel', moneyModelSchema],
  ['ExportItemAmountV3', exportItemAmountV3Schema],
  ['ExportItemLineAmountV3', exportItemLineAmountV3Schema],
  ['ExportItemNetAmountV3', exportItemNetAmountV3Schema],
  ['ExportItemAdditionalInformationV3', exportItemAdditionalInformationV3Schema],
  ['InvoiceInformationV3', invoiceInformationV3Schema],
  ['SupplierBankAccount', supplierBankAccountSchema],
  ['BookkeepingV3', bookkeepingV3Schema],
  ['ContraAccount', contraAccountSchema],
  ['ExportItemFile', exportItemFileSchema],
  ['ServicePeriodV3', servicePeriodV3Schema],
  ['SupplierV3', supplierV3Schema],
  ['TeamV3', teamV3Schema],
  ['ExportItemUserV3', exportItemUserV3Schema],
  ['VendorV3', vendorV3Schema],
  ['LinksResponse', linksResponseSchema],
  ['CursorPageInfo', cursorPageInfoSchema],
  ['CursorPageCurrentRequestInfo', cursorPageCurrentRequestInfoSchema],
  ['ExceptionInfo', exceptionInfoSchema],
];

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

function isNullableInSpec(property: SpecSchema): boolean {
  return property.nullable === true || resolveRef(spec, property).nullable === true;
}

describe.each(objects)('%s', (name, schema) => {
  const specSchema = component(spec, name);
  const properties = specSchema.properties ?? {};

  it('has the same property names as the spec', () => {
    expect(Object.keys(schema.shape).sort()).toEqual(Object.keys(properties).sort());
  });

  it('has the same required keys as the spec', () => {
    const required = Object.keys(schema.shape).filter(
      (key) => !accepts(schema.shape[key] as z.ZodType, undefined),
    );
    expect(required.sort()).toEqual([...(specSchema.required ?? [])].sort());
  });

  it('accepts null exactly where the spec says nullable', () => {
    const nullable = Object.keys(schema.shape).filter((key) => accepts(schema.shape[key] as z.ZodType, null));
    const specNullable = Object.entries(properties)
      .filter(([, property]) => isNullableInSpec(property))
      .map(([key]) => key);
    expect(nullable.sort()).toEqual(specNullable.sort());
  });

  it("accepts the spec's property examples", () => {
    for (const [key, property] of Object.entries(properties)) {
      if (property.example === undefined) continue;
      const field = schema.shape[key] as z.ZodType;
      expect(
        accepts(field, property.example),
        `${name}.${key} rejects example ${JSON.stringify(property.example)}`,
      ).toBe(true);
    }
  });

  it('types "This can be one of X values" strings as enum X', () => {
    for (const [key, property] of Object.entries(properties)) {
      const named = /one of (\w+) values/.exec(property.description ?? '')?.[1];
      if (!named) continue;
      const values = component(spec, named).enum ?? [];
      const field = schema.shape[key] as z.ZodType;
      for (const value of values)
        expect(accepts(field, value), `${name}.${key} rejects ${String(value)}`).toBe(true);
      expect(accepts(field, 'not_a_spec_value'), `${name}.${key} accepts an unknown value`).toBe(false);
    }
  });
});

describe('error examples of the v3 operations', () => {
  const examples = Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/v3/'))
    .flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        Object.entries(operation.responses ?? {}).flatMap(([status, response]) =>
          Object.values(response.content ?? {})
            .filter((media) => media.example !== undefined)
            .map((media) => [`${method.toUpperCase()} ${path} ${status}`, media.example] as const),
        ),
      ),
    );

  it('are found in the spec', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples)('%s parses as ExceptionInfo', (_where, example) => {
    expect(exceptionInfoSchema.parse(example)).toEqual(example);
  });
});

describe('LinksResponse example', () => {
  it('parses', () => {
    const example = component(spec, 'LinksResponse').example;
    expect(linksResponseSchema.parse(example)).toEqual(example);
  });
});

describe('MoneyModel.value', () => {
  it('is an integer count of minor units', () => {
    expect(accepts(moneyModelSchema, { currency: 'SEK', value: 89696 })).toBe(true);
    expect(accepts(moneyModelSchema, { currency: 'SEK', value: 896.96 })).toBe(false);
  });
});
