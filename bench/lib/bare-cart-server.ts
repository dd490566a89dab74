// The add-to-cart benchmark's baseline (bench/add-to-cart.ts): a bare node:http server that, for
// each POST, reads the body, writes one cart line for a new cart in one statement (the cart and
// its line, as the app's first add does) on a pool as large as the app's (DATABASE_POOL_SIZE,
// default 10), and answers 303 to /panier. No validation, no rate limit, no cookie: the floor of
// "one write and a redirect" on this machine and this PostgreSQL.
//   node --import tsx bench/lib/bare-cart-server.ts <port> <database url> <book id>
import http from 'node:http';
import pg from 'pg';

const [port, databaseUrl, bookId] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });

const server = http.createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    pool
      .query(
        `WITH cart AS (INSERT INTO "Cart" ("id", "updatedAt") VALUES (gen_random_uuid(), now()) RETURNING "id")
         INSERT INTO "CartLine" ("cartId", "bookId", "quantity") SELECT "id", $1, 1 FROM cart
         ON CONFLICT ("cartId", "bookId") DO UPDATE SET "quantity" = "CartLine"."quantity" + 1`,
        [Number(bookId)],
      )
      .then(
        () => {
          response.writeHead(303, { Location: '/panier', 'Content-Length': 0 });
          response.end();
        },
        (error: unknown) => {
          response.writeHead(500, { 'Content-Type': 'text/plain' });
          response.end(String(error));
        },
      );
  });
});
server.listen(Number(port), '127.0.0.1', () => process.send?.('listening'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
