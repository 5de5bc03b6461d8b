/** Placeholder export replaced by the client. */
export const PLEO_API_VERSION = 'v3' as const;
