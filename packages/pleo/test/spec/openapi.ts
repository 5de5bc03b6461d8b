/**
 * Loads the official Export API spec (the vendored copy `spec/export-openapi.yml`, or the file named
 * by `PLEO_EXPORT_OPENAPI`) for the spec-conformance tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The subset of an OpenAPI 3.0 schema object these tests read. */
export interface SpecSchema {
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, SpecSchema>;
  items?: SpecSchema;
  $ref?: string;
  description?: string;
  example?: unknown;
}

export interface SpecDocument {
  paths: Record<string, Record<string, { responses?: Record<string, SpecResponse> }>>;
  components: { schemas: Record<string, SpecSchema> };
}

interface SpecResponse {
  content?: Record<string, { schema?: SpecSchema; example?: unknown }>;
}

const defaultSpecPath = fileURLToPath(new URL('../../spec/export-openapi.yml', import.meta.url));

/** Parses the spec once per test file. */
export function loadExportSpec(): SpecDocument {
  const path = process.env.PLEO_EXPORT_OPENAPI ?? defaultSpecPath;
  return parse(readFileSync(path, 'utf8')) as SpecDocument;
}

/** Resolves a `$ref` to `#/components/schemas/X` (one level), returning the schema itself otherwise. */
export function resolveRef(spec: SpecDocument, schema: SpecSchema): SpecSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = spec.components.schemas[name];
  if (!target) throw new Error(`Unresolvable $ref ${schema.$ref}`);
  return target;
}

/** A component schema by name; throws when the spec lacks it (so a rename fails loudly). */
export function component(spec: SpecDocument, name: string): SpecSchema {
  const schema = spec.components.schemas[name];
  if (!schema) throw new Error(`Spec has no components.schemas.${name}`);
  return schema;
}
