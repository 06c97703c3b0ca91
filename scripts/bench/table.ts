/** A plain text table: the first row is the header; numbers and dashes align right. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const numeric = (cell: string) => /^[-–≤\d.,×% ]+(ms|s|KiB)?$/.test(cell);
  const line = (r: string[]) =>
    r
      .map((cell, i) => (numeric(cell) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const [header, ...body] = rows;
  return [line(header ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
