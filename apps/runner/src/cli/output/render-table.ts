import Table from 'cli-table3';

/**
 * Renders rows as a boxed text table (cli-table3). Colour only when stdout is a TTY, so piped output
 * and tests see plain text. Lines of a cell longer than 200 characters are cut with `…`.
 */
export function renderTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const colour = process.stdout.isTTY === true;
  const table = new Table({
    head: [...head],
    style: { head: colour ? ['cyan'] : [], border: colour ? ['grey'] : [] },
  });
  const cut = (line: string) => (line.length > 200 ? `${line.slice(0, 199)}…` : line);
  for (const row of rows) table.push(row.map((cell) => cell.split('\n').map(cut).join('\n')));
  return table.toString();
}
