import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Request as OpenApiRequest } from 'openapi-backend';
import { parse } from 'yaml';

/** Outcome of checking one request against the Xero OpenAPI specs. */
export type SpecCheck =
  | { readonly ok: true; readonly operationId: string }
  | { readonly ok: false; readonly operationId: string | undefined; readonly problems: readonly string[] };

/** A request as the validator sees it (path relative to the API base, headers lower-cased). */
export interface SpecRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/** Checks requests (and responses) against `xero_accounting.yaml` or `xero-identity.yaml`. */
export interface XeroSpecValidator {
  checkRequest(api: 'accounting' | 'identity', request: SpecRequest): SpecCheck;
  /** Problems of a response body against the operation's schema for `status` (empty when valid). */
  checkResponse(
    api: 'accounting' | 'identity',
    operationId: string,
    status: number,
    body: unknown,
  ): readonly string[];
}

let cached: Promise<XeroSpecValidator> | undefined;

/**
 * The validator for Xero's official specs (copies in the package's `spec/` folder), built once per
 * process with openapi-backend + ajv (`strict: false`, because Xero uses `x-is-money` and similar
 * keys; formats from ajv-formats). An unknown path/method, a missing required header such as
 * `xero-tenant-id`, or a body that breaks the schema is a problem.
 */
export function loadXeroSpecValidator(): Promise<XeroSpecValidator> {
  cached ??= build();
  return cached;
}

async function build(): Promise<XeroSpecValidator> {
  const specDir = findSpecDir();
  const make = async (file: string) => {
    const api = new OpenAPIBackend({
      definition: parse(readFileSync(join(specDir, file), 'utf8')),
      quick: true,
      validate: true,
      coerceTypes: true,
      ajvOpts: { strict: false, allErrors: true },
      customizeAjv: (ajv) => {
        addFormats(ajv);
        return ajv;
      },
    });
    await api.init();
    return api;
  };
  const [accounting, identity] = await Promise.all([
    make('xero_accounting.yaml'),
    make('xero-identity.yaml'),
  ]);
  const pick = (api: 'accounting' | 'identity') => (api === 'accounting' ? accounting : identity);
  const routes = new Map<string, NonNullable<ReturnType<typeof accounting.matchOperation>>>();
  return {
    checkRequest(api, request) {
      const backend = pick(api);
      const req: OpenApiRequest = {
        method: request.method.toLowerCase(),
        path: request.path,
        query: request.query,
        headers: request.headers,
        body: request.body,
      };
      // Routing walks every path of the spec; cache it per method + concrete path (journals, look-ups).
      const routeKey = `${api} ${req.method} ${req.path}`;
      const operation = routes.get(routeKey) ?? backend.matchOperation(req);
      if (operation !== undefined && routes.size < 10_000) routes.set(routeKey, operation);
      if (operation === undefined) {
        return {
          ok: false,
          operationId: undefined,
          problems: [`${request.method} ${request.path} is not in the Xero ${api} spec`],
        };
      }
      const result = backend.validateRequest(req, operation);
      const operationId = operation.operationId ?? `${request.method} ${request.path}`;
      if (result.valid) return { ok: true, operationId };
      return {
        ok: false,
        operationId,
        problems: (result.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`),
      };
    },
    checkResponse(api, operationId, status, body) {
      const result = pick(api).validateResponse(body, operationId, status);
      return result.valid
        ? []
        : (result.errors ?? []).map((e) => `response ${e.instancePath || '/'} ${e.message ?? e.keyword}`);
    },
  };
}

function findSpecDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'spec');
    if (existsSync(join(candidate, 'xero_accounting.yaml'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('connector-xero testing: spec/xero_accounting.yaml not found next to the package');
}
