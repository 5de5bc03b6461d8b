import type { CredentialsStore, StoredCredential } from './connector-context';

/**
 * A process-local {@link CredentialsStore} (compare-and-set on a Map). Good for tests and one-process
 * runs; the runner supplies durable SQLite / PostgreSQL stores.
 */
export function createMemoryCredentialsStore(
  initial: Record<string, Record<string, string>> = {},
): CredentialsStore {
  const data = new Map<string, StoredCredential>();
  for (const [key, value] of Object.entries(initial)) {
    data.set(key, { version: 1, value: { ...value }, updatedAt: new Date(0).toISOString() });
  }
  return {
    async get(key) {
      return data.get(key);
    },
    async compareAndSet(key, expectedVersion, value) {
      const current = data.get(key);
      if (current?.version !== expectedVersion) return false;
      data.set(key, {
        version: (current?.version ?? 0) + 1,
        value: { ...value },
        updatedAt: new Date().toISOString(),
      });
      return true;
    },
  };
}
