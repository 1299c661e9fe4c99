/**
 * The benchmark's ceiling: a bare Fastify route returning "ok", built with the same logger
 * setting as the store, so page numbers can be read as a share of what Fastify itself can do.
 */
import Fastify from 'fastify';

const port = Number(process.env.PORT);
const app = Fastify({ logger: false });
app.get('/', async () => 'ok');
await app.listen({ host: '127.0.0.1', port });
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
