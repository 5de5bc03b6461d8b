import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Result of {@link compareGoldenFiles}. */
export interface GoldenComparison {
  /** File names in the golden directory, sorted. */
  readonly golden: readonly string[];
  /** Names of files in the output directory whose bytes differ from (or are missing in) the golden directory. */
  readonly differing: readonly string[];
}

/**
 * Compares every file of `outputDirectory` byte for byte with the file of the same name in
 * `goldenDirectory`. With `update` (default: environment `UPDATE_GOLDEN=1`) the golden directory is
 * first replaced by a copy of the output directory — review the diff before committing it.
 * Assert `golden` equals the output file names and `differing` is empty.
 */
export function compareGoldenFiles(
  outputDirectory: string,
  goldenDirectory: string,
  options: { readonly update?: boolean } = {},
): GoldenComparison {
  const written = readdirSync(outputDirectory).sort();
  if (options.update ?? process.env.UPDATE_GOLDEN === '1') {
    rmSync(goldenDirectory, { recursive: true, force: true });
    mkdirSync(goldenDirectory, { recursive: true });
    for (const name of written)
      writeFileSync(join(goldenDirectory, name), readFileSync(join(outputDirectory, name)));
  }
  const golden = readdirSync(goldenDirectory).sort();
  const differing = written.filter(
    (name) =>
      !golden.includes(name) ||
      Buffer.compare(readFileSync(join(outputDirectory, name)), readFileSync(join(goldenDirectory, name))) !==
        0,
  );
  return { golden, differing };
}
