import Table from 'cli-table3';

/**
 * Renders rows as a boxed text table (cli-table3). Colour only when stdout is a TTY, so piped output
 * and tests see plain text. Cells longer than 400 characters are cut with `…`.
 */
export function renderTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const colour = process.stdout.isTTY === true;
  const table = new Table({
    head: [...head],
    style: { head: colour ? ['cyan'] : [], border: colour ? ['grey'] : [] },
  });
  for (const row of rows)
    table.push(row.map((cell) => (cell.length > 400 ? `${cell.slice(0, 399)}…` : cell)));
  return table.toString();
}
