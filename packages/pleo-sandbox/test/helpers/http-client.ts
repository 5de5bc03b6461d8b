/** Minimal fetch helpers for driving the sandbox over real HTTP in tests. */

/** `Authorization` value for an API key: Basic with the key as username and an empty password. */
export function basicAuth(apiKey: string): string {
  return `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
}

/** A response with its parsed JSON body (undefined when empty). */
export interface JsonResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect arbitrary response bodies
  body: any;
}

/** Creates a caller bound to a base URL and credential. */
export function apiCaller(baseUrl: string, authorization: string | undefined) {
  return async function call(method: string, path: string, body?: unknown): Promise<JsonResponse> {
    const headers: Record<string, string> = {};
    if (authorization !== undefined) headers.authorization = authorization;
    if (body !== undefined) headers['content-type'] = 'application/json;charset=UTF-8';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? undefined : JSON.parse(text),
    };
  };
}

/** The type of {@link apiCaller}'s result. */
export type ApiCall = ReturnType<typeof apiCaller>;
