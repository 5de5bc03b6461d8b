import type { CredentialsStore } from '@ledgerport/core';

/**
 * A view of `store` whose keys are prefixed with the company id (`<companyId>/<key>`), so two
 * companies on the same connector never share or overwrite each other's rotated tokens.
 */
export function companyCredentials(store: CredentialsStore, companyId: string): CredentialsStore {
  const scoped = (key: string) => `${companyId}/${key}`;
  return {
    get: (key) => store.get(scoped(key)),
    compareAndSet: (key, expectedVersion, value) => store.compareAndSet(scoped(key), expectedVersion, value),
  };
}
