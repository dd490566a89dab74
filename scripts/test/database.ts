// Database helpers shared by the test suites and benchmarks: free ports, databases created and
// dropped on a server, and a Prisma client on the integration tests' database.
import net from 'node:net';
import pg from 'pg';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The same server's connection string, on another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs one statement on its own connection (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function runStatement<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl: string, database: string): Promise<string> {
  await runStatement(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await runStatement(adminUrl, `CREATE DATABASE "${database}"`);
  return withDatabase(adminUrl, database);
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  await runStatement(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
}
