// Rows into PostgreSQL with COPY … FROM STDIN (text format), with back-pressure.
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Cell = string | number | boolean | Date | null;

/** One line of COPY's text format: tab-separated, \N for null, backslash escapes. */
export function copyLine(cells: readonly Cell[]): string {
  return `${cells.map(copyCell).join('\t')}\n`;
}

function copyCell(cell: Cell): string {
  if (cell === null) return '\\N';
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'boolean') return cell ? 't' : 'f';
  if (typeof cell === 'number') return String(cell);
  return cell.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function copyStatement(table: string, columns: readonly string[]): string {
  return `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`;
}

/** A COPY stream on the client; write lines with `write`, then `end`. */
export function openCopy(client: pg.PoolClient | pg.Client, table: string, columns: readonly string[]) {
  const stream = client.query(copyFrom(copyStatement(table, columns)));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', () => resolve());
    stream.on('error', reject);
  });
  return {
    async write(cells: readonly Cell[]): Promise<void> {
      if (!stream.write(copyLine(cells))) await once(stream, 'drain');
    },
    async end(): Promise<void> {
      stream.end();
      await done;
    },
  };
}

/** COPY a file already in COPY text format. */
export async function copyFile(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  file: string,
): Promise<void> {
  await pipeline(createReadStream(file), client.query(copyFrom(copyStatement(table, columns))));
}
