import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, resolve } from 'node:path';
import { createJiti } from 'jiti';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from './config-error';
import { type LedgerportConfig, ledgerportConfigSchema } from './config-schema';
import { configErrorFromIssues } from './format-config-issue';
import { resolveSecretReferences } from './secret-references';

/** File names looked up, in order, when no `--config` is given. */
export const CONFIG_FILE_NAMES = [
  'ledgerport.config.ts',
  'ledgerport.config.mts',
  'ledgerport.config.js',
  'ledgerport.config.mjs',
  'ledgerport.config.json',
  'ledgerport.config.yaml',
  'ledgerport.config.yml',
] as const;

/** A loaded configuration. */
export interface LoadedConfig {
  readonly config: LedgerportConfig;
  /** Absolute path of the file it came from (`undefined` for in-memory configs). */
  readonly file: string | undefined;
  /** Folder relative paths (store path, `file:` secrets) are resolved against. */
  readonly baseDir: string;
  /**
   * Every secret value: resolved `env:`/`file:` references, Pleo credentials, webhook secret, company
   * secrets. Redacted from every log line and error.
   */
  readonly secretValues: readonly string[];
}

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Explicit file (`--config`); otherwise {@link CONFIG_FILE_NAMES} are looked up in `cwd`. */
  readonly file?: string | undefined;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Finds, reads and validates the runner's config: `ledgerport.config.ts` (via jiti, default export,
 * typically `defineConfig({...})`), `.json` or `.yaml`. `env:NAME` / `file:path` references are
 * resolved before validation. Connector configs are validated later, against the registry
 * (see `resolveCompanies`).
 *
 * @throws {ConfigError} one line naming the file, the field and the fix; never a secret value.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const file = findConfigFile(options.file, cwd);
  const raw = await readConfigFile(file);
  return parseConfig(raw, { file, baseDir: dirname(file), env: options.env ?? process.env });
}

/**
 * Validates an already-parsed config object (the shared step of {@link loadConfig}; also used by
 * `ledgerport demo`, which builds its config in memory).
 *
 * @throws {ConfigError}
 */
export function parseConfig(
  raw: unknown,
  options: { file?: string | undefined; baseDir: string; env?: Readonly<Record<string, string | undefined>> },
): LoadedConfig {
  const label = options.file === undefined ? undefined : basename(options.file);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(
      '',
      'the file does not hold an object',
      'export/define an object with "pleo" and "companies"',
      label,
    );
  }
  const { value, secretValues } = resolveSecretReferences(
    raw,
    options.env ?? process.env,
    options.baseDir,
    label,
  );
  const parsed = ledgerportConfigSchema.safeParse(value);
  if (!parsed.success) throw configErrorFromIssues(parsed.error.issues, '', label);
  const config = parsed.data;
  const secrets = new Set(secretValues);
  const auth = config.pleo.auth;
  secrets.add(auth.type === 'apiKey' ? auth.apiKey : auth.token);
  if (config.pleo.webhook) secrets.add(config.pleo.webhook.secret);
  if (config.store.type === 'postgres') secrets.add(config.store.connectionString);
  for (const company of Object.values(config.companies)) {
    for (const secret of Object.values(company.secrets)) secrets.add(secret);
  }
  return { config, file: options.file, baseDir: options.baseDir, secretValues: [...secrets] };
}

function findConfigFile(explicit: string | undefined, cwd: string): string {
  if (explicit !== undefined) {
    const full = isAbsolute(explicit) ? explicit : resolve(cwd, explicit);
    if (!existsSync(full)) {
      throw new ConfigError(
        '',
        `config file ${explicit} does not exist`,
        'pass an existing file to --config',
        undefined,
      );
    }
    return full;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const full = resolve(cwd, name);
    if (existsSync(full)) return full;
  }
  throw new ConfigError(
    '',
    `no config file found in ${cwd}`,
    `create ledgerport.config.json (see apps/runner/README.md) or pass --config <file>`,
    undefined,
  );
}

async function readConfigFile(file: string): Promise<unknown> {
  const label = basename(file);
  const ext = extname(file).toLowerCase();
  if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
    const text = readFileSync(file, 'utf8');
    try {
      return ext === '.json' ? JSON.parse(text) : parseYaml(text);
    } catch (error) {
      throw new ConfigError(
        '',
        `the file is not valid ${ext === '.json' ? 'JSON' : 'YAML'} (${firstLine(error)})`,
        'fix the syntax at the position given',
        label,
      );
    }
  }
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false });
  try {
    return await jiti.import(file, { default: true });
  } catch (error) {
    throw new ConfigError(
      '',
      `the file cannot be evaluated (${firstLine(error)})`,
      'fix the error in the file',
      label,
    );
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
