import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { type Document, OpenAPIBackend, type Request as OpenApiRequest } from 'openapi-backend';

/** Outcome of checking one request against the Fortnox OpenAPI spec. */
export type SpecCheck =
  | { readonly ok: true; readonly operationId: string }
  | { readonly ok: false; readonly operationId: string | undefined; readonly problems: readonly string[] };

/** A request as the validator sees it (path from `/3/…`, headers lower-cased). */
export interface SpecRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  /** Parsed JSON body, or for multipart the names of its parts (`{ file: 'binary' }`). */
  readonly body?: unknown;
}

/** Checks requests and responses against `shared/specs/fortnox/openapi.json`. */
export interface FortnoxSpecValidator {
  checkRequest(request: SpecRequest): SpecCheck;
  /** Problems of a response body against the operation's schema for `status` (empty when valid). */
  checkResponse(operationId: string, status: number, body: unknown): readonly string[];
}

/**
 * Fortnox's shared list parameters ("Parameters" guide the spec's `info` links to: filters, pagination,
 * financial year), which the spec's per-operation parameter lists omit. Any other query parameter the
 * operation does not declare is a violation.
 */
export const FORTNOX_SHARED_QUERY_PARAMETERS: Readonly<Record<string, RegExp>> = {
  financialyear: /^\d+$/,
  financialyeardate: /^\d{4}-\d{2}-\d{2}$/,
  fromdate: /^\d{4}-\d{2}-\d{2}$/,
  todate: /^\d{4}-\d{2}-\d{2}$/,
  limit: /^([1-9]\d?|[1-4]\d\d|500)$/,
  page: /^[1-9]\d*$/,
  offset: /^\d+$/,
  sortorder: /^(ascending|descending)$/,
};

let cached: Promise<FortnoxSpecValidator> | undefined;

/**
 * The validator, built once per process: openapi-backend matches the operation and checks path and
 * declared query parameters; ajv (OpenAPI 3.0 schemas, `strict: false`, ajv-formats plus `int32`/`int64`/
 * `double`) checks JSON bodies against the operation's `*\/*` request schema, which openapi-backend skips.
 * The spec is read from `shared/specs/fortnox/openapi.json` beside the repository (or
 * `LEDGERPORT_FORTNOX_SPEC`): it is Fortnox's, kept out of the package (specs/README.md).
 */
export function loadFortnoxSpecValidator(): Promise<FortnoxSpecValidator> {
  cached ??= build();
  return cached;
}

async function build(): Promise<FortnoxSpecValidator> {
  const definition = JSON.parse(readFileSync(findSpec(), 'utf8')) as {
    paths: Record<string, Record<string, OperationObject>>;
  };
  const backend = new OpenAPIBackend({
    definition: definition as unknown as Document,
    quick: true,
    validate: true,
    coerceTypes: true,
    ajvOpts: { strict: false, allErrors: true },
    customizeAjv: (ajv) => {
      addFormats(ajv as never);
      addOpenApiFormats(ajv as unknown as Ajv);
      return ajv;
    },
  });
  await backend.init();
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  addOpenApiFormats(ajv);
  ajv.addSchema(definition, 'fortnox');
  const operations = new Map<string, OperationObject>();
  for (const item of Object.values(definition.paths)) {
    for (const op of Object.values(item))
      if (op.operationId !== undefined) operations.set(op.operationId, op);
  }
  const compiled = new Map<string, ValidateFunction>();
  const matches = new Map<string, ReturnType<typeof backend.matchOperation>>();
  const validatorFor = (ref: string): ValidateFunction => {
    let fn = compiled.get(ref);
    if (fn === undefined) {
      fn = ajv.compile({ $ref: `fortnox${ref}` });
      compiled.set(ref, fn);
    }
    return fn;
  };
  const problemsOf = (fn: ValidateFunction, value: unknown, prefix: string): string[] =>
    fn(value)
      ? []
      : (fn.errors ?? []).map((e) => `${prefix}${e.instancePath || '/'} ${e.message ?? e.keyword}`);

  return {
    checkRequest(request) {
      const shared: string[] = [];
      const declared: Record<string, string> = {};
      const req: OpenApiRequest = {
        method: request.method.toLowerCase(),
        path: request.path,
        query: {},
        headers: request.headers,
      };
      // openapi-backend's matcher walks every path pattern (about 6 ms for this spec): memoise it.
      const matchKey = `${req.method} ${request.path}`;
      let operation = matches.get(matchKey);
      if (operation === undefined && !matches.has(matchKey)) {
        operation = backend.matchOperation(req);
        if (matches.size > 2_000) matches.clear();
        matches.set(matchKey, operation);
      }
      if (operation === undefined) {
        return {
          ok: false,
          operationId: undefined,
          problems: [`${request.method} ${request.path} is not in the Fortnox spec`],
        };
      }
      const operationId = operation.operationId ?? `${request.method} ${request.path}`;
      const declaredNames = new Set(
        (operation.parameters ?? []).map((p) => ('name' in p ? String(p.name).toLowerCase() : '')),
      );
      for (const [name, value] of Object.entries(request.query)) {
        const pattern = FORTNOX_SHARED_QUERY_PARAMETERS[name.toLowerCase()];
        if (declaredNames.has(name.toLowerCase())) declared[name] = value;
        else if (pattern === undefined)
          shared.push(`query parameter "${name}" is not declared by ${operationId}`);
        else if (!pattern.test(value)) shared.push(`query parameter "${name}"=${value} is malformed`);
      }
      const result = backend.validateRequest({ ...req, query: declared }, operation);
      const problems = [
        ...shared,
        ...(result.valid
          ? []
          : (result.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`)),
      ];
      const op = operations.get(operationId);
      const content = op?.requestBody?.content;
      if (content !== undefined) {
        const type = request.headers['content-type'] ?? '';
        if (content['multipart/form-data'] !== undefined) {
          if (!type.startsWith('multipart/form-data')) problems.push('body must be multipart/form-data');
          const required = Object.keys(content['multipart/form-data'].schema?.properties ?? {});
          for (const part of required) {
            if ((request.body as Record<string, unknown> | undefined)?.[part] === undefined)
              problems.push(`multipart part "${part}" is missing`);
          }
        } else {
          const schemaRef = (content['*/*'] ?? content['application/json'])?.schema?.$ref;
          if (!type.startsWith('application/json'))
            problems.push('body must be JSON (content-type application/json)');
          if (schemaRef !== undefined)
            problems.push(...problemsOf(validatorFor(schemaRef), request.body, 'body'));
        }
      }
      return problems.length === 0 ? { ok: true, operationId } : { ok: false, operationId, problems };
    },
    checkResponse(operationId, status, body) {
      const op = operations.get(operationId);
      const response = op?.responses?.[String(status)] ?? op?.responses?.default;
      const ref = response?.content?.['application/json']?.schema?.$ref;
      if (ref === undefined) return [];
      return problemsOf(validatorFor(ref), body, 'response');
    },
  };
}

interface OperationObject {
  readonly operationId?: string;
  readonly requestBody?: {
    readonly content?: Record<
      string,
      { readonly schema?: { $ref?: string; properties?: Record<string, unknown> } }
    >;
  };
  readonly responses?: Record<
    string,
    { readonly content?: Record<string, { readonly schema?: { $ref?: string } }> }
  >;
}

function addOpenApiFormats(ajv: Ajv): void {
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('float', { type: 'number', validate: () => true });
}

function findSpec(): string {
  const fromEnv = process.env.LEDGERPORT_FORTNOX_SPEC;
  if (fromEnv !== undefined && existsSync(fromEnv)) return fromEnv;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'shared', 'specs', 'fortnox', 'openapi.json');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(
    'connector-fortnox testing: shared/specs/fortnox/openapi.json not found beside the repository; set LEDGERPORT_FORTNOX_SPEC to its path',
  );
}
