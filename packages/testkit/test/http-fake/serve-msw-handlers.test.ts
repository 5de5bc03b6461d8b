import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_ANSWER_AT_HEADER, type ServedHandlers, serveMswHandlers } from '../../src/http-fake/index';

let served: ServedHandlers | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

describe('serveMswHandlers', () => {
  it('answers over loopback HTTP with handlers built for its own base URL (method, headers, body, status)', async () => {
    let seenBase = '';
    served = await serveMswHandlers((baseUrl) => {
      seenBase = baseUrl;
      return [
        http.post(`${baseUrl}/api/echo`, async ({ request }) =>
          HttpResponse.json(
            { body: await request.text(), auth: request.headers.get('authorization') },
            { status: 201, headers: { 'x-limit-remaining': '59' } },
          ),
        ),
      ];
    });
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(seenBase).toBe(served.url);
    const response = await fetch(`${served.url}/api/echo`, {
      method: 'POST',
      headers: { authorization: 'Bearer t' },
      body: 'Ære være Øresund',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-limit-remaining')).toBe('59');
    expect(await response.json()).toEqual({ body: 'Ære være Øresund', auth: 'Bearer t' });
  });

  it('answers an unmatched request 404 naming it, and turns a fake network error into a dropped connection', async () => {
    served = await serveMswHandlers((baseUrl) => [http.get(`${baseUrl}/reset`, () => HttpResponse.error())]);
    const missing = await fetch(`${served.url}/nowhere?x=1`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ Title: 'No fake route', Detail: 'GET /nowhere?x=1' });
    await expect(fetch(`${served.url}/reset`)).rejects.toThrow(/fetch failed/);
  });
});

describe('serveMswHandlers: answers a fake holds (FAKE_ANSWER_AT_HEADER)', () => {
  it('sends a held answer not before its time, without the internal header, and stamps arrivals', async () => {
    let arrival: number | undefined;
    let answerAt = 0;
    served = await serveMswHandlers((baseUrl, receivedAt) => [
      http.get(`${baseUrl}/held`, ({ request }) => {
        arrival = receivedAt(request);
        answerAt = performance.timeOrigin + performance.now() + 40;
        return HttpResponse.json({ ok: true }, { headers: { [FAKE_ANSWER_AT_HEADER]: String(answerAt) } });
      }),
    ]);
    const response = await fetch(`${served.url}/held`);
    const received = performance.timeOrigin + performance.now();
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.has(FAKE_ANSWER_AT_HEADER)).toBe(false);
    expect(received).toBeGreaterThanOrEqual(answerAt); // never early
    expect(typeof arrival).toBe('number');
  });
});
