/**
 * Validators for the Export API spec's `components.schemas` (`shared/specs/pleo/export-openapi.yml`),
 * for proving the sandbox's responses faithful.
 *
 * OpenAPI 3.0 → JSON Schema conversion: `nullable: true` becomes a `type` union with `"null"` (and
 * `null` is added to an `enum`); the spec's `pattern`s on date-time fields (`YYYY-MM-DDTHH:mi:ssZ`,
 * `yyyy-MM-dd'T'HH:mm:ss'Z'`, `YYYY-MM-DD`) are format descriptions, not regular expressions, so
 * they are dropped and `format` is checked instead (invoice dates, documented as `YYYY-MM-DD` but
 * typed `date-time`, accept either). Objects are closed (`additionalProperties: false` unless the
 * spec says otherwise) so a misspelt field fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Where the official spec is read from: `PLEO_EXPORT_OPENAPI`, else the shared specs folder beside
 * the repository (`../shared/specs/pleo/`), else the copy vendored by `@ledgerport/pleo`.
 */
const SPEC_CANDIDATES = [
  process.env.PLEO_EXPORT_OPENAPI,
  fileURLToPath(new URL('../../../../../shared/specs/pleo/export-openapi.yml', import.meta.url)),
  fileURLToPath(new URL('../../../pleo/spec/export-openapi.yml', import.meta.url)),
].filter((path): path is string => path !== undefined && path !== '');

function specPath(): string {
  const found = SPEC_CANDIDATES.find((path) => existsSync(path));
  if (!found)
    throw new Error(
      `Pleo export-openapi.yml not found; tried ${SPEC_CANDIDATES.join(', ')} (set PLEO_EXPORT_OPENAPI)`,
    );
  return found;
}
const SPEC_ID = 'https://ledgerport.test/pleo-export-openapi.json';
const NOT_REGEX_PATTERNS = new Set(['YYYY-MM-DDTHH:mi:ssZ', "yyyy-MM-dd'T'HH:mm:ss'Z'", 'YYYY-MM-DD']);

type Schema = Record<string, unknown>;

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example' || key === 'description' || key.startsWith('x-')) continue;
    if (key === 'pattern' && typeof value === 'string' && NOT_REGEX_PATTERNS.has(value)) {
      continue;
    }
    out[key] = convert(value);
  }
  if (source.pattern === 'YYYY-MM-DD') out.format = 'date-or-date-time';
  if (source.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  if (out.type === 'object' || (Array.isArray(out.type) && out.type.includes('object'))) {
    if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  }
  return out;
}

let ajv: Ajv | undefined;

function instance(): Ajv {
  if (ajv) return ajv;
  const spec = parse(readFileSync(specPath(), 'utf8')) as { components: { schemas: Schema } };
  ajv = new Ajv({ strict: false, allErrors: true });
  const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addFormat('int32', true);
  ajv.addFormat('int64', true);
  ajv.addFormat('date-or-date-time', /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/);
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: convert(spec.components.schemas) } });
  return ajv;
}

/** The validator of `components.schemas.<name>`. */
export function specValidator(name: string): ValidateFunction {
  const validate = instance().getSchema(`${SPEC_ID}#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name} in the spec`);
  return validate;
}

/** Validation errors of `value` against `components.schemas.<name>`, as readable strings (empty = valid). */
export function specErrors(name: string, value: unknown): string[] {
  const validate = specValidator(name);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
  );
}
