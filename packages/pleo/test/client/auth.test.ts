import { inspect } from 'node:util';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createPleoClient, PLEO_BASE_URLS, PleoApiError, PleoInputError } from '../../src/index';
import { API_KEY, BASE_URL, FORBIDDEN_TOKEN, TOKEN } from '../support/fake-pleo';
import { makeJob } from '../support/fixtures';
import { collect, server, useFakePleo } from '../support/msw-server';

const { fake, client } = useFakePleo();

describe('authentication', () => {
  it('sends an API key as the Basic user name with an empty password', async () => {
    await collect(client({ auth: { type: 'apiKey', apiKey: API_KEY } }).listJobs());
    const expected = `Basic ${Buffer.from(`${API_KEY}:`, 'utf8').toString('base64')}`;
    expect(fake().requests[0]?.authorization).toBe(expected);
  });

  it('sends an OAuth access token as a bearer token', async () => {
    await collect(client({ auth: { type: 'bearer', token: TOKEN } }).listJobs());
    expect(fake().requests[0]?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('calls an async token getter before every request', async () => {
    const job = makeJob();
    fake().jobs.push(job);
    let calls = 0;
    const pleo = client({
      auth: {
        type: 'bearer',
        token: async () => {
          calls += 1;
          return TOKEN;
        },
      },
    });
    await pleo.getJob(job.id);
    await pleo.getJob(job.id);
    expect(calls).toBe(2);
    expect(fake().requests.map((request) => request.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
  });

  it('maps a failing token getter to authentication_failure without sending a request', async () => {
    const pleo = client({
      auth: {
        type: 'bearer',
        token: async () => {
          throw new Error('refresh token expired');
        },
      },
    });
    const error = await pleo.getJob(makeJob().id).catch((e: unknown) => e);
    expect(error).toMatchObject({
      failureReasonType: 'authentication_failure',
      retryable: false,
      status: undefined,
    });
    expect(fake().requests).toHaveLength(0);
  });

  it('maps 401 to authentication_failure without retrying and without leaking the key', async () => {
    const wrongKey = 'lp_wrong_key_9d8c7b6a';
    const error = await collect(client({ auth: { type: 'apiKey', apiKey: wrongKey } }).listJobs()).catch(
      (e: unknown) => e,
    );
    expect(PleoApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 401,
      failureReasonType: 'authentication_failure',
      retryable: false,
    });
    expect(fake().requests).toHaveLength(1);
    const basic = Buffer.from(`${wrongKey}:`).toString('base64');
    for (const rendering of [String(error), inspect(error, { depth: 5 }), JSON.stringify(error)]) {
      expect(rendering).not.toContain(wrongKey);
      expect(rendering).not.toContain(basic);
    }
  });

  it('maps 403 to authorization_failure without retrying', async () => {
    const error = await collect(
      client({ auth: { type: 'bearer', token: FORBIDDEN_TOKEN } }).listJobs(),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 403,
      failureReasonType: 'authorization_failure',
      retryable: false,
    });
    expect(fake().requests).toHaveLength(1);
  });

  it('redacts the credential if Pleo echoes it in an error message', async () => {
    server.use(
      http.get(`${BASE_URL}/v3/export-jobs/:jobId`, ({ request }) =>
        HttpResponse.json(
          {
            type: 'BAD_REQUEST',
            message: `Rejected header ${request.headers.get('authorization')} for ${TOKEN}`,
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client({ auth: { type: 'bearer', token: TOKEN } })
      .getJob(makeJob().id)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, type: 'BAD_REQUEST' });
    expect(inspect(error)).not.toContain(TOKEN);
    expect((error as PleoApiError).pleoMessage).toContain('[redacted]');
  });
});

describe('client options', () => {
  it('rejects a missing or empty credential, naming the field', () => {
    expect(() => createPleoClient({ auth: { type: 'apiKey', apiKey: ' ' } })).toThrow(/auth\.apiKey/);
    expect(() => createPleoClient({ auth: { type: 'bearer', token: '' } })).toThrow(/auth\.token/);
    expect(() => createPleoClient({} as never)).toThrow(PleoInputError);
  });

  it('rejects a base URL that is not http(s)', () => {
    const auth = { type: 'apiKey', apiKey: API_KEY } as const;
    expect(() => createPleoClient({ auth, baseUrl: 'external.pleo.io' })).toThrow(
      /baseUrl must be an absolute/,
    );
    expect(() => createPleoClient({ auth, baseUrl: 'ftp://pleo.test' })).toThrow(/http or https/);
  });

  it('rejects negative retry numbers', () => {
    expect(() =>
      createPleoClient({ auth: { type: 'apiKey', apiKey: API_KEY }, retry: { retries: -1 } }),
    ).toThrow(/retry\.retries must be a non-negative integer/);
  });

  it.each([
    ['production', PLEO_BASE_URLS.production],
    ['staging', PLEO_BASE_URLS.staging],
    [undefined, PLEO_BASE_URLS.production],
  ] as const)('environment %s uses %s', async (environment, baseUrl) => {
    const seen: string[] = [];
    server.use(
      http.get(`${baseUrl}/v3/export-jobs`, ({ request }) => {
        seen.push(request.url);
        return HttpResponse.json({
          data: [],
          pagination: {
            currentRequestPagination: { parameters: {} },
            hasNextPage: false,
            hasPreviousPage: false,
          },
        });
      }),
    );
    const auth = { type: 'apiKey', apiKey: API_KEY } as const;
    await collect(createPleoClient(environment ? { environment, auth } : { auth }).listJobs());
    expect(seen).toEqual([`${baseUrl}/v3/export-jobs`]);
  });
});
