/**
 * The benchmark's ceiling: a bare Fastify route returning "ok", built with the same logger
 * setting as the store, so page numbers can be read as a share of what Fastify itself can do.
 */
import Fastify from 'fastify';

const port = Number(process.env.PORT);
const app = Fastify({ logger: false });
app.get('/', async () => 'ok');
// The checkout race's floor: the same form POSTs, read and answered with a redirect, nothing else.
app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
app.post('/checkout', async (_request, reply) => reply.redirect('/keranjang', 303));
await app.listen({ host: '127.0.0.1', port });
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
