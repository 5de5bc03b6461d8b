/**
 * Errors the sandbox answers with. The body is the spec's `ExceptionInfo` (`{type, message}`);
 * `type` and `message` are copied from the spec's response examples where the spec has one
 * (`shared/specs/pleo/export-openapi.yml`, paths `/v3/*`).
 */
export class SandboxApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly headers: Record<string, string>;

  constructor(status: number, type: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'SandboxApiError';
    this.status = status;
    this.type = type;
    this.headers = headers;
  }

  /** The `ExceptionInfo` body. */
  toBody(): { type: string; message: string } {
    return { type: this.type, message: this.message };
  }
}

/** 404 `EXPORT_NOT_FOUND` — `GET/PUT /v3/export-jobs/{jobId}…`, events for an unknown job. */
export const exportNotFound = (): SandboxApiError =>
  new SandboxApiError(404, 'EXPORT_NOT_FOUND', 'Export job not found.');

/** 409 `EXPORT_ALREADY_IN_PROGRESS` — `POST /v3/export-jobs` while the company has an active job. */
export const exportAlreadyInProgress = (): SandboxApiError =>
  new SandboxApiError(409, 'EXPORT_ALREADY_IN_PROGRESS', 'Export Job already in progress for this company.');

/** 422 `INVALID_EXPORT_JOB_STATUS_CHANGE` — `POST /v3/export-job-events` with an illegal transition. */
export const invalidStatusChange = (): SandboxApiError =>
  new SandboxApiError(422, 'INVALID_EXPORT_JOB_STATUS_CHANGE', 'Export Job status change failed');

/** 422 `EXPORT_JOB_STATUS_UNPROCESSABLE` for `PUT /v3/export-jobs/{jobId}/items` on a finished job. */
export const itemUpdateOnFinishedJob = (): SandboxApiError =>
  new SandboxApiError(422, 'EXPORT_JOB_STATUS_UNPROCESSABLE', 'Export job is finished.');

/** 422 `EXPORT_JOB_STATUS_UNPROCESSABLE` for `GET /v3/export-items` of a finished job. */
export const exportItemsOfFinishedJob = (): SandboxApiError =>
  new SandboxApiError(
    422,
    'EXPORT_JOB_STATUS_UNPROCESSABLE',
    'Export Job is finished and can no longer be processed.',
  );

/** 413 `EXPORT_JOB_ITEMS_UPDATE_LIMIT` — more than 100 entries in one `PUT …/items`. */
export const itemsUpdateLimit = (): SandboxApiError =>
  new SandboxApiError(413, 'EXPORT_JOB_ITEMS_UPDATE_LIMIT', 'Number of items to update is more than 100.');

/** 400 `BAD_REQUEST` naming the offending field and how to fix it. */
export const badRequest = (message: string): SandboxApiError =>
  new SandboxApiError(400, 'BAD_REQUEST', message);

/** 404 `COMPANY_NOT_FOUND` — a `companyId` the caller's credentials do not cover. */
export const companyNotFound = (): SandboxApiError =>
  new SandboxApiError(404, 'COMPANY_NOT_FOUND', 'Company not found.');

/** 401 `UNAUTHORIZED` — missing or unknown credentials. Never echoes the credential. */
export const unauthorized = (message: string): SandboxApiError =>
  new SandboxApiError(401, 'UNAUTHORIZED', message, {
    'www-authenticate': 'Bearer realm="pleo-sandbox", Basic realm="pleo-sandbox"',
  });

/** 404 `NOT_FOUND` — no such route. */
export const routeNotFound = (method: string, path: string): SandboxApiError =>
  new SandboxApiError(404, 'NOT_FOUND', `No route for ${method} ${path} in the Pleo Export API v3 sandbox.`);

/** 405 `METHOD_NOT_ALLOWED`. */
export const methodNotAllowed = (method: string, path: string, allowed: string[]): SandboxApiError =>
  new SandboxApiError(405, 'METHOD_NOT_ALLOWED', `${method} is not supported on ${path}.`, {
    allow: allowed.join(', '),
  });
