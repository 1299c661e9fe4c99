/**
 * nginx's retry rules of deploy/scale-out/nginx.conf.template, on their own: the configuration as
 * start.sh renders it (`--render-only`), in front of two stand-in store instances. "A" reads each
 * request and then drops the connection without answering, like an instance killed after it
 * committed an order; "B" answers. A GET that A dropped must be answered by B; a POST that A
 * dropped must never be sent to B (the customer gets a 502 and sends the form again, which the
 * checkout's key makes one order). The SIGKILL test in scale-out.test.ts cannot see this by itself:
 * the checkout's key would hide a POST that nginx sent twice.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts } from '../helpers/free-ports';
import { NGINX, root } from './cluster';

const inCi = ['true', '1'].includes(process.env.CI ?? '');
if (!existsSync(NGINX) && !inCi) console.warn(`nginx retry rules not tested: no nginx at ${NGINX}`);

interface StandIn {
  port: number;
  /** The request ids (X-Test-Id) this instance received, with their method. */
  seen: string[];
  close(): Promise<void>;
}

/** A stand-in store: `answer` false drops every connection once the request has been read. */
async function standIn(name: string, answer: boolean): Promise<StandIn> {
  const seen: string[] = [];
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      seen.push(`${request.method} ${request.headers['x-test-id']}`);
      if (answer) response.end(name);
      else request.socket.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe.runIf(existsSync(NGINX) || inCi)('nginx in front of the stores: which requests move to another instance', () => {
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-nginx-retries-'));
  let dropper: StandIn;
  let answerer: StandIn;
  let nginx: ChildProcess | undefined;
  let base = '';

  beforeAll(async () => {
    dropper = await standIn('A', false);
    answerer = await standIn('B', true);
    const [listen, chatLb, chatA, chatB] = await freePorts(4);
    const rendered = spawnSync('bash', [path.join(root, 'deploy/scale-out/start.sh'), '--render-only'], {
      env: {
        ...process.env,
        RUN_DIR: runDir,
        NGINX,
        STORE_PORTS: `${dropper.port} ${answerer.port}`,
        CHAT_PORTS: `${chatA} ${chatB}`,
        LISTEN_PORT: String(listen),
        CHAT_LB_PORT: String(chatLb),
      },
      encoding: 'utf8',
    });
    expect(rendered.status, rendered.stderr).toBe(0);
    const conf = rendered.stdout.trim();
    const prefix = path.dirname(conf);
    nginx = spawn(NGINX, ['-p', prefix, '-e', path.join(runDir, 'logs/nginx-error.log'), '-c', conf, '-g', 'daemon off;'], {
      stdio: 'ignore',
    });
    base = `http://127.0.0.1:${listen}`;
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`${base}/metrics`).then(
        () => true,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('nginx did not start');
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    await Promise.all([dropper?.close(), answerer?.close()]);
    rmSync(runDir, { recursive: true, force: true });
  });

  it('a POST that reached an instance is never sent to another: the client gets a 502', async () => {
    // Round robin: within a few POSTs one lands on A (after which A is out for fail_timeout).
    const answers = new Map<string, number>();
    for (let i = 0; i < 4 && dropper.seen.length === 0; i++) {
      const id = `post-${i}`;
      const res = await fetch(`${base}/checkout`, { method: 'POST', headers: { 'x-test-id': id }, body: 'key=abc' });
      answers.set(id, res.status);
      await res.body?.cancel();
    }
    expect(dropper.seen.length).toBe(1);
    const dropped = dropper.seen[0]!;
    expect(dropped).toMatch(/^POST /);
    expect(answerer.seen).not.toContain(dropped);
    expect(answers.get(dropped.slice('POST '.length))).toBe(502);
  });

  it('a GET that an instance dropped is answered by the other', async () => {
    // Wait out A's fail_timeout (5 s) from the POST above, so round robin offers it GETs again.
    await new Promise((r) => setTimeout(r, 5_500));
    const before = dropper.seen.length;
    // nginx offers A a request again only once its clock has passed the timeout: keep asking a while.
    for (let i = 0; i < 60 && dropper.seen.length === before; i++) {
      const res = await fetch(`${base}/produk`, { headers: { 'x-test-id': `get-${i}` } });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('B');
      if (dropper.seen.length === before) await new Promise((r) => setTimeout(r, 250));
    }
    const dropped = dropper.seen.at(-1)!;
    expect(dropper.seen.length).toBe(before + 1);
    expect(dropped).toMatch(/^GET /);
    expect(answerer.seen).toContain(dropped);
  });
});
