#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, which the Prisma 7 CLI downloads and
// cannot here (no internet). The CLI runs the program named by PRISMA_SCHEMA_ENGINE_BINARY:
//   engine [--datamodels <schema file>]… [--datasource <json>]       JSON-RPC on stdin/stdout
//   engine --datasource <json> cli <can-connect-to-database|create-database|drop-database>
//   engine --version
// and this program serves it with @prisma/schema-engine-wasm on @prisma/adapter-pg.
// stdout carries the protocol only; logs go to stderr. Why and limits:
// docs/decisions/002-migrations-with-wasm-schema-engine.md
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { runCliCommand } from './cli-commands.mjs';
import { createAdapterFactory } from './pg-adapter-factory.mjs';
import { createSchemaEngine, panicRegistry, schemaEngineVersion } from './wasm-engine.mjs';

const log = (message) => process.stderr.write(`[schema-engine-wasm bridge] ${message}\n`);

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  strict: false,
  options: {
    datamodels: { type: 'string', multiple: true },
    datasource: { type: 'string' },
    version: { type: 'boolean' },
    'enabled-preview-features': { type: 'string' },
    'extension-types': { type: 'string' },
  },
});

/** `{ url, shadowDatabaseUrl? }` from prisma.config.ts, as the CLI passes it. */
function readDatasource() {
  const datasource = args.datasource ? JSON.parse(args.datasource) : {};
  if (!datasource.url) {
    throw new Error('No datasource URL: set DATABASE_URL (prisma.config.ts reads it).');
  }
  return datasource;
}

// The CLI calls these by their native names; the WebAssembly engine names two differently
// and lacks the others (createDatabase is done through `cli create-database` instead).
const METHODS = {
  applyMigrations: 'applyMigrations',
  createMigration: 'createMigration',
  dbExecute: 'dbExecute',
  debugPanic: 'debugPanic',
  devDiagnostic: 'devDiagnostic',
  diagnoseMigrationHistory: 'diagnoseMigrationHistory',
  diff: 'diff',
  ensureConnectionValidity: 'ensureConnectionValidity',
  evaluateDataLoss: 'evaluateDataLoss',
  getDatabaseVersion: 'version',
  introspect: 'introspect',
  introspectSql: 'introspectSql',
  markMigrationApplied: 'markMigrationApplied',
  markMigrationRolledBack: 'markMigrationRolledBack',
  reset: 'reset',
  schemaPush: 'schemaPush',
};

/** The JSON-RPC error shape the CLI reads: `error.data.{message, error_code, is_panic, meta}`. */
function toRpcError(thrown) {
  const panic = panicRegistry.message;
  if (panic) {
    panicRegistry.message = undefined;
    return { code: 4466, message: panic, data: { is_panic: true, message: panic, backtrace: null } };
  }
  // The engine throws Errors named SchemaConnectorError with the Prisma error code in `code`.
  const fields = thrown && typeof thrown === 'object' ? thrown : {};
  const message = fields.message ?? String(thrown);
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: {
      is_panic: Boolean(fields.is_panic),
      message,
      meta: fields.meta ?? null,
      error_code: fields.code ?? null,
    },
  };
}

async function serveJsonRpc() {
  const datasource = readDatasource();
  const datamodels = await Promise.all(
    (args.datamodels ?? []).map(async (path) => [path, await readFile(path, 'utf8')]),
  );
  const adapterFactory = createAdapterFactory({ ...datasource, log });
  const engine = await createSchemaEngine({
    // The engine validates the datamodels it is given, and an empty list is invalid: commands
    // such as `migrate diff` start the engine without any schema file.
    datamodels: datamodels.length > 0 ? datamodels : undefined,
    adapterFactory,
    // The engine's logs are JSON lines; the CLI keeps their `fields.message` for error reports.
    onLog: (line) => process.stderr.write(`${line}\n`),
  });

  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  // Requests from the engine side to the CLI: only `print` (what `migrate diff` outputs).
  let nextOutgoingId = 1;
  const awaitingReply = new Map();
  const printToCli = (content) =>
    new Promise((resolve) => {
      const id = nextOutgoingId++;
      awaitingReply.set(id, resolve);
      send({ jsonrpc: '2.0', id, method: 'print', params: { content } });
    });

  async function handle(request) {
    const method = METHODS[request.method];
    if (!method) {
      return send({
        jsonrpc: '2.0',
        id: request.id,
        error: { code: -32601, message: `Method not found: ${request.method}` },
      });
    }
    let response;
    try {
      const result = await engine[method](request.params ?? {});
      if (request.method === 'diff') {
        // The native engine prints the diff through the CLI (which honours `--output`) and returns
        // `stdout: null`; the CLI ignores a `stdout` in the result.
        if (result.stdout) await printToCli(result.stdout);
        response = { result: { exitCode: result.exitCode, stdout: null } };
      } else {
        response = { result: result ?? {} };
      }
    } catch (thrown) {
      log(`${request.method} failed: ${thrown?.message ?? thrown}`);
      response = { error: toRpcError(thrown) };
    }
    await adapterFactory.releaseShadowDatabases();
    send({ jsonrpc: '2.0', id: request.id, ...response });
  }

  // One request at a time: the engine is a single `&mut self` on one connection.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined) {
      awaitingReply.get(message.id)?.();
      awaitingReply.delete(message.id);
      return;
    }
    queue = queue.then(() => handle(message));
  });
  // The CLI stops the engine by closing stdin (and, on Linux, killing it right after: anything
  // that must happen before the exit, like dropping shadow databases, is done per request).
  await new Promise((resolve) => lines.once('close', resolve));
  await queue;
  await adapterFactory.closeAll();
}

async function main() {
  if (args.version) {
    // `prisma --version` prints this line as the schema engine's version.
    process.stdout.write(`schema-engine-cli ${await schemaEngineVersion()} (@prisma/schema-engine-wasm)\n`);
    return 0;
  }
  if (positionals[0] === 'cli') {
    return runCliCommand(positionals[1], readDatasource().url);
  }
  await serveJsonRpc();
  return 0;
}

// A Rust panic inside an engine callback surfaces as an uncaught "RuntimeError: unreachable";
// report the panic message the engine registered, with the exit code of a native panic.
process.on('uncaughtException', (error) => {
  const panic = panicRegistry.message;
  const message = panic ? `schema engine panicked: ${panic}` : String(error?.stack ?? error);
  process.stderr.write(`${JSON.stringify({ level: 'ERROR', fields: { message }, target: 'schema_engine::bridge' })}\n`);
  process.exit(panic ? 101 : 1);
});

main().then(
  (code) => process.exit(code),
  (error) => {
    // Exit code 1 makes the CLI report "Error in Schema engine" with the last ERROR log line.
    process.stderr.write(
      `${JSON.stringify({ level: 'ERROR', fields: { message: String(error?.stack ?? error) }, target: 'schema_engine::bridge' })}\n`,
    );
    process.exit(1);
  },
);
