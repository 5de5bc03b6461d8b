/** `PleoInputError`: invalid arguments passed to the client (caught before any HTTP call). */

/**
 * Thrown synchronously-in-spirit (before any request) when client options or an operation's
 * arguments are invalid. The message names the field path (e.g. `updates[3].status`) and how to
 * fix it; `issues` lists every problem found.
 */
export class PleoInputError extends Error {
  override readonly name = 'PleoInputError';
  readonly issues: { path: string; message: string }[];

  constructor(message: string, issues: { path: string; message: string }[] = []) {
    super(message);
    this.issues = issues;
  }
}
