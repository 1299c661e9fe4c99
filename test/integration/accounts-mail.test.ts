import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '../../src/db/schema';
import { drainOutbox, enqueueEmail } from '../../src/store/mail/service';
import { createMailTransport, type MailTransport, type OutgoingEmail } from '../../src/lib/mail/transport';
import { verificationEmail } from '../../src/store/accounts/emails';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';

describe.each(dbTargets)('email outbox on %s', (target) => {
  let store: TestStore;
  let dir: string;
  beforeAll(async () => {
    store = await createTestStore(target, { sampleData: false });
    dir = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-outbox-'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes queued emails as .eml files with a text and an HTML part, each once', async () => {
    const db = store.database.db;
    await enqueueEmail(
      db,
      verificationEmail('en', { email: 'eml@example.com', name: 'Ann <b>' }, 'http://shop.test/verifikasi-email?token=abc'),
    );
    const transport = createMailTransport({ outboxDir: dir, from: 'Hurtrock <no-reply@hurtrock.local>' });
    // Two workers at once (two instances): SKIP LOCKED lets each email go out once.
    const [a, b] = await Promise.all([drainOutbox(db, transport), drainOutbox(db, transport)]);
    expect(a + b).toBe(1);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const eml = readFileSync(path.join(dir, files[0]!), 'utf8');
    expect(eml).toContain('To: eml@example.com');
    expect(eml).toContain('Subject: Verify the email of your Hurtrock account');
    expect(eml).toContain('text/plain');
    expect(eml).toContain('text/html');
    expect(eml).toContain('Ann &#60;b&#62;');
    expect(await drainOutbox(db, transport)).toBe(0);
  });

  it('keeps an email whose sending failed and retries it later with back-off', async () => {
    const db = store.database.db;
    await enqueueEmail(db, { to: 'retry@example.com', subject: 'Retry', text: 'x', html: '<p>x</p>' });
    const sent: OutgoingEmail[] = [];
    const failing: MailTransport = {
      send: async () => {
        throw new Error('SMTP down');
      },
      close: () => {},
    };
    expect(await drainOutbox(db, failing)).toBe(0);
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'retry@example.com'));
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMTP down' });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: nothing is sent.
    const working: MailTransport = { send: async (e) => void sent.push(e), close: () => {} };
    expect(await drainOutbox(db, working)).toBe(0);
    await db
      .update(emailOutbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(emailOutbox.id, row!.id));
    expect(await drainOutbox(db, working)).toBe(1);
    expect(sent.map((e) => e.to)).toEqual(['retry@example.com']);
    const [after] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, row!.id));
    expect(after).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });
});
