// The one-shot commands the Prisma CLI runs as `<engine> --datasource '{"url":…}' cli <command>`
// before a migration (can the database be reached? create it if it does not exist).
// The CLI reads the outcome from the exit code and, on failure, from JSON log lines on stderr:
// it skips the first line and looks for `level: "ERROR"`, `target: "schema_engine::logger"`
// with `fields.error_code` (P1003 "database does not exist" makes it create the database).
import pg from 'pg';
import { withDatabase } from './pg-adapter-factory.mjs';

function logLine(level, fields) {
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: 'schema_engine::logger' });
}

/** Maps a pg connection error to the Prisma error code the CLI acts on. */
function toUserFacingError(error, url) {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const { hostname: host, port } = new URL(url);
  switch (error.code) {
    case '3D000':
      return {
        error_code: 'P1003',
        message: `Database \`${database}\` does not exist on the database server at \`${host}\`.`,
      };
    case '28P01':
    case '28000':
      return {
        error_code: 'P1000',
        message: `Authentication failed against database server at \`${host}\`: ${error.message}`,
      };
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
      return {
        error_code: 'P1001',
        message: `Can't reach database server at \`${host}:${port || 5432}\`: ${error.message}`,
      };
    default:
      return { error_code: 'P1000', message: error.message };
  }
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const COMMANDS = {
  'can-connect-to-database': (url) => withClient(url, (client) => client.query('SELECT 1')),
  // Connects to the server's maintenance database to create or drop the one the URL names.
  'create-database': (url) => {
    const database = decodeURIComponent(new URL(url).pathname.slice(1));
    return withClient(withDatabase(url, 'postgres'), (client) =>
      client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`),
    );
  },
  'drop-database': (url) => {
    const database = decodeURIComponent(new URL(url).pathname.slice(1));
    return withClient(withDatabase(url, 'postgres'), (client) =>
      client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`),
    );
  },
};

/** Runs one CLI command and returns the process exit code. */
export async function runCliCommand(command, url) {
  const run = COMMANDS[command];
  process.stderr.write(logLine('INFO', { message: `schema engine bridge: cli ${command}` }) + '\n');
  if (!run) {
    process.stderr.write(logLine('ERROR', { error_code: 'P1000', message: `Unknown CLI command: ${command}` }) + '\n');
    return 1;
  }
  try {
    await run(url);
    return 0;
  } catch (error) {
    process.stderr.write(logLine('ERROR', toUserFacingError(error, url)) + '\n');
    return 1;
  }
}
