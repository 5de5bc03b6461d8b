import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error';
import { loadConfig } from '../../src/config/load-config';

const root = mkdtempSync(join(tmpdir(), 'ledgerport-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const COMPANY = '0b7f4a38-2f3c-4a57-9a8e-5d1c3e9f0a11';
const SECRET = 'pleo-api-key-7Hq9xZ2m';

/** Writes `files` into a fresh folder and returns it. */
function folder(files: Record<string, string>): string {
  n += 1;
  const dir = join(root, `case-${n}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const valid = {
  pleo: { baseUrl: 'http://127.0.0.1:4010', auth: { type: 'apiKey', apiKey: 'env:PLEO_API_KEY' } },
  companies: {
    [COMPANY]: {
      connector: 'sie',
      config: { companyName: 'Demo AB' },
      secrets: { token: 'file:secrets/token.txt' },
    },
  },
};

async function failure(
  files: Record<string, string>,
  env: Record<string, string> = { PLEO_API_KEY: SECRET },
): Promise<ConfigError> {
  const cwd = folder(files);
  const error = await loadConfig({ cwd, env }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(ConfigError.isInstance(error)).toBe(true);
  const configError = error as ConfigError;
  expect(configError.message).not.toContain(SECRET);
  expect(configError.message.split('\n')).toHaveLength(1);
  return configError;
}

describe('loadConfig', () => {
  it('loads JSON, resolves env: and file: references, applies defaults, and lists the secrets', async () => {
    const cwd = folder({
      'ledgerport.config.json': JSON.stringify(valid),
      'secrets/token.txt': 'file-secret-123\n',
    });
    const loaded = await loadConfig({ cwd, env: { PLEO_API_KEY: SECRET } });
    expect(loaded.file).toBe(join(cwd, 'ledgerport.config.json'));
    expect(loaded.config.pleo.auth).toEqual({ type: 'apiKey', apiKey: SECRET });
    expect(loaded.config.pleo.pollIntervalSeconds).toBe(60);
    expect(loaded.config.store).toEqual({
      type: 'sqlite',
      path: '.ledgerport/ledgerport.db',
      synchronous: 'full',
    });
    const company = loaded.config.companies[COMPANY];
    expect(company).toMatchObject({
      connector: 'sie',
      postingMode: 'draft',
      periodStrategy: 'fail',
      secrets: { token: 'file-secret-123' },
    });
    expect(loaded.secretValues).toEqual(expect.arrayContaining([SECRET, 'file-secret-123']));
  });

  it('loads YAML', async () => {
    const cwd = folder({
      'ledgerport.config.yaml': `pleo:\n  environment: staging\n  auth: { type: bearer, token: env:PLEO_TOKEN }\ncompanies:\n  ${COMPANY}:\n    connector: datev\n    postingMode: posted\n`,
    });
    const loaded = await loadConfig({ cwd, env: { PLEO_TOKEN: 'tok-abcdef' } });
    expect(loaded.config.pleo).toMatchObject({
      environment: 'staging',
      auth: { type: 'bearer', token: 'tok-abcdef' },
    });
    expect(loaded.config.companies[COMPANY]?.postingMode).toBe('posted');
  });

  it('loads ledgerport.config.ts through jiti (typed defineConfig)', async () => {
    const defineConfigPath = join(import.meta.dirname, '../../src/config/define-config.ts');
    const cwd = folder({
      'ledgerport.config.ts': `import { defineConfig } from ${JSON.stringify(defineConfigPath)};
const pollIntervalSeconds: number = 5;
export default defineConfig({
  pleo: { environment: 'production', pollIntervalSeconds, auth: { type: 'apiKey', apiKey: 'env:PLEO_API_KEY' } },
  companies: { '${COMPANY}': { connector: 'memory' } },
});
`,
    });
    const loaded = await loadConfig({ cwd, env: { PLEO_API_KEY: SECRET } });
    expect(loaded.file?.endsWith('ledgerport.config.ts')).toBe(true);
    expect(loaded.config.pleo.pollIntervalSeconds).toBe(5);
    expect(loaded.config.companies[COMPANY]?.connector).toBe('memory');
  });

  it('names a missing environment variable by its reference, never printing other secrets', async () => {
    const error = await failure({ 'ledgerport.config.json': JSON.stringify(valid) }, {});
    expect(error.field).toBe('pleo.auth.apiKey');
    expect(error.message).toBe(
      'Invalid configuration in ledgerport.config.json: pleo.auth.apiKey: environment variable PLEO_API_KEY (referenced as "env:PLEO_API_KEY") is not set. Fix: export PLEO_API_KEY=<value> before starting ledgerport, or change the reference',
    );
  });

  it('names an unreadable secret file', async () => {
    const error = await failure({ 'ledgerport.config.json': JSON.stringify(valid) });
    expect(error.field).toBe(`companies.${COMPANY}.secrets.token`);
    expect(error.message).toContain('secret file "secrets/token.txt" cannot be read (ENOENT)');
  });

  it('names a missing required field and how to fix it', async () => {
    const { auth: _auth, ...pleo } = valid.pleo;
    const error = await failure({
      'ledgerport.config.json': JSON.stringify({ ...valid, pleo }),
      'secrets/token.txt': 'x',
    });
    expect(error.field).toBe('pleo.auth');
    expect(error.problem).toBe('is required');
    expect(error.fix).toMatch(/^add it/);
  });

  it('names a field of the wrong type', async () => {
    const error = await failure({
      'ledgerport.config.json': JSON.stringify({
        ...valid,
        pleo: { ...valid.pleo, pollIntervalSeconds: 'often' },
      }),
      'secrets/token.txt': 'x',
    });
    expect(error.field).toBe('pleo.pollIntervalSeconds');
    expect(error.fix).toBe('set it to a value of type number');
  });

  it('names a bad enum value with the allowed values', async () => {
    const companies = { [COMPANY]: { connector: 'sie', postingMode: 'final' } };
    const error = await failure({ 'ledgerport.config.json': JSON.stringify({ ...valid, companies }) });
    expect(error.field).toBe(`companies.${COMPANY}.postingMode`);
    expect(error.fix).toBe('use one of "draft", "posted"');
  });

  it('rejects unknown keys (typos) and a company id that is not a UUID', async () => {
    const typo = await failure({
      'ledgerport.config.json': JSON.stringify({
        ...valid,
        companies: { [COMPANY]: { connector: 'sie', conector: 'x' } },
      }),
    });
    expect(typo.field).toBe(`companies.${COMPANY}`);
    expect(typo.problem).toBe('unknown key(s) "conector"');
    const badId = await failure({
      'ledgerport.config.json': JSON.stringify({ ...valid, companies: { acme: { connector: 'sie' } } }),
    });
    expect(badId.field).toBe('companies.acme');
    expect(badId.message).toContain('Pleo company UUIDs');
  });

  it('requires exactly one of pleo.environment and pleo.baseUrl', async () => {
    const both = await failure({
      'ledgerport.config.json': JSON.stringify({
        ...valid,
        pleo: { ...valid.pleo, environment: 'staging' },
        companies: { [COMPANY]: { connector: 'sie' } },
      }),
    });
    expect(both.field).toBe('pleo.baseUrl');
    expect(both.problem).toContain('keep only one');
  });

  it('reports invalid JSON syntax and a missing file in one line', async () => {
    const syntax = await failure({ 'ledgerport.config.json': '{ "pleo": ' });
    expect(syntax.message).toMatch(
      /^Invalid configuration in ledgerport.config.json: the file is not valid JSON/,
    );
    const none = await failure({});
    expect(none.message).toContain('no config file found');
    expect(none.fix).toContain('--config');
  });
});
