/**
 * The connector configuration `ledgerport demo` uses for the sandbox's seed company, per connector
 * id, writing into `outDir`. Values follow each connector's README (a Swedish AB for SIE 4I, a German
 * GmbH on SKR03 for DATEV); the seed company's Pleo accounts are what gets booked.
 */
export const DEMO_CONNECTOR_CONFIGS: Readonly<Record<string, (outDir: string) => unknown>> = {
  memory: () => ({}),
  sie: (outDir) => ({
    outputDir: outDir,
    companyName: 'Ledgerport Demo AB',
    organizationNumber: '556677-8899',
  }),
  datev: (outDir) => ({
    outputDir: outDir,
    consultantNumber: 1001,
    clientNumber: 1,
    fiscalYearStartMonth: 1,
  }),
};
