import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from './config-error';

const ENV_REFERENCE = /^env:([A-Za-z_][A-Za-z0-9_]*)$/;
const FILE_REFERENCE = /^file:(.+)$/;

/** Result of {@link resolveSecretReferences}. */
export interface ResolvedReferences<T> {
  /** The input with every reference replaced by its value. */
  readonly value: T;
  /** Every value a reference resolved to (to be redacted from logs and errors). */
  readonly secretValues: readonly string[];
}

/**
 * Replaces secret references in every string of a parsed config tree:
 * - `env:NAME` → the environment variable `NAME` (must be set and non-empty);
 * - `file:path` → the file's contents without the trailing newline (`path` relative to `baseDir`).
 *
 * Any other string is kept as is. Errors are {@link ConfigError}s naming the field and the reference,
 * never a value.
 *
 * @param value - the parsed config (JSON-like).
 * @param env - the environment to read (`process.env` in the CLI).
 * @param baseDir - directory relative `file:` paths are resolved against (the config file's folder).
 * @param file - config file name, for error messages.
 */
export function resolveSecretReferences<T>(
  value: T,
  env: Readonly<Record<string, string | undefined>>,
  baseDir: string,
  file?: string,
): ResolvedReferences<T> {
  const secretValues: string[] = [];
  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      const envMatch = ENV_REFERENCE.exec(node);
      if (envMatch) {
        const name = envMatch[1] as string;
        const resolved = env[name];
        if (resolved === undefined || resolved === '') {
          throw new ConfigError(
            path,
            `environment variable ${name} (referenced as "${node}") is not set`,
            `export ${name}=<value> before starting ledgerport, or change the reference`,
            file,
          );
        }
        secretValues.push(resolved);
        return resolved;
      }
      const fileMatch = FILE_REFERENCE.exec(node);
      if (fileMatch) {
        const target = fileMatch[1] as string;
        const full = isAbsolute(target) ? target : resolve(baseDir, target);
        let text: string;
        try {
          text = readFileSync(full, 'utf8');
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
          throw new ConfigError(
            path,
            `secret file "${target}" cannot be read (${code})`,
            `create ${full} holding the secret, or change the reference`,
            file,
          );
        }
        const resolved = text.replace(/\r?\n$/, '');
        if (resolved === '') {
          throw new ConfigError(
            path,
            `secret file "${target}" is empty`,
            `put the secret into ${full}`,
            file,
          );
        }
        secretValues.push(resolved);
        return resolved;
      }
      return node;
    }
    if (Array.isArray(node)) return node.map((inner, i) => walk(inner, joinPath(path, String(i))));
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(node)) out[key] = walk(inner, joinPath(path, key));
      return out;
    }
    return node;
  };
  return { value: walk(value, '') as T, secretValues };
}

/** Joins dot-path segments (`a` + `b` → `a.b`). */
export function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}
