import pg from 'pg';
const c = new pg.Client('postgresql://librairie:librairie-local@127.0.0.1:54480/librairie'); await c.connect();
const r = await c.query(process.argv[2]); console.log(r.rows ?? r.rowCount); await c.end();
