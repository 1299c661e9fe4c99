/**
 * The payments area's queries: attempts, the events log (unique per provider and event key) and
 * the providers' saved settings. Writes take the caller's transaction; an attempt is locked
 * (`FOR UPDATE`) before an event changes it, and reconciliation claims due attempts with
 * `FOR UPDATE SKIP LOCKED`, so any number of instances can run it.
 */
import { and, asc, desc, eq, inArray, isNotNull, lte, max, sql } from 'drizzle-orm';
import { paymentAttempts, paymentEvents, paymentProviderSettings } from '../../db/schema';
import type { StoreDb, StoreExecutor } from '../../db/store-db';
import type { AttemptRow, PaymentEventRow } from './types';

export interface NewAttempt {
  orderId: number;
  provider: string;
  seq: number;
  reference: string;
  amount: number;
  expiresAt: Date;
  checkAfter: Date;
}

export interface NewPaymentEvent {
  provider: string;
  eventKey: string;
  attemptId: number | null;
  orderId: number | null;
  kind: string;
  source: string;
  outcome: string;
  payload: unknown;
}

export type AttemptPatch = Partial<
  Pick<AttemptRow, 'status' | 'externalId' | 'paymentRef' | 'redirectUrl' | 'channel' | 'instructions' | 'checkAfter'>
>;

export interface ProviderSettingsRow {
  provider: string;
  enabled: boolean;
  production: boolean;
  secretKeySealed: string | null;
  publicKey: string | null;
  webhookSecretSealed: string | null;
  updatedAt: Date;
}

const OPEN = ['created', 'pending', 'review'];

export function createPaymentsRepository(db: StoreDb) {
  return {
    async nextSeq(tx: StoreExecutor, orderId: number): Promise<number> {
      const [row] = await tx
        .select({ seq: max(paymentAttempts.seq) })
        .from(paymentAttempts)
        .where(eq(paymentAttempts.orderId, orderId));
      return (row?.seq ?? 0) + 1;
    },

    async insertAttempt(tx: StoreExecutor, attempt: NewAttempt): Promise<AttemptRow> {
      const [row] = await tx.insert(paymentAttempts).values(attempt).returning();
      return row as AttemptRow;
    },

    async updateAttempt(tx: StoreExecutor, id: number, patch: AttemptPatch): Promise<void> {
      await tx
        .update(paymentAttempts)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(paymentAttempts.id, id));
    },

    /** The attempt an event names, locked: by our reference, the provider's session/token id, or its payment id. */
    async lockAttempt(
      tx: StoreExecutor,
      provider: string,
      by: { reference?: string; externalId?: string; paymentRef?: string },
    ): Promise<AttemptRow | undefined> {
      const match = by.reference
        ? eq(paymentAttempts.reference, by.reference)
        : by.externalId
          ? eq(paymentAttempts.externalId, by.externalId)
          : by.paymentRef
            ? eq(paymentAttempts.paymentRef, by.paymentRef)
            : undefined;
      if (!match) return undefined;
      const [row] = await tx
        .select()
        .from(paymentAttempts)
        .where(and(eq(paymentAttempts.provider, provider), match))
        .limit(1)
        .for('update');
      return row as AttemptRow | undefined;
    },

    async lockAttemptById(tx: StoreExecutor, id: number): Promise<AttemptRow | undefined> {
      const [row] = await tx.select().from(paymentAttempts).where(eq(paymentAttempts.id, id)).for('update');
      return row as AttemptRow | undefined;
    },

    async attemptsOf(orderId: number, tx: StoreExecutor = db): Promise<AttemptRow[]> {
      return (await tx
        .select()
        .from(paymentAttempts)
        .where(eq(paymentAttempts.orderId, orderId))
        .orderBy(asc(paymentAttempts.seq))) as AttemptRow[];
    },

    /** Stores the event unless its key was seen: false for a duplicate (another delivery already stored it). */
    async insertEvent(tx: StoreExecutor, event: NewPaymentEvent): Promise<number | undefined> {
      const [row] = await tx
        .insert(paymentEvents)
        .values(event)
        .onConflictDoNothing({ target: [paymentEvents.provider, paymentEvents.eventKey] })
        .returning({ id: paymentEvents.id });
      return row?.id;
    },

    /** Whether this event was stored already (a lock-free look; the unique index still decides). */
    async hasEvent(provider: string, eventKey: string): Promise<boolean> {
      const [row] = await db
        .select({ id: paymentEvents.id })
        .from(paymentEvents)
        .where(and(eq(paymentEvents.provider, provider), eq(paymentEvents.eventKey, eventKey)))
        .limit(1);
      return row !== undefined;
    },

    async setEventOutcome(tx: StoreExecutor, id: number, outcome: string, links: { attemptId?: number; orderId?: number } = {}) {
      await tx
        .update(paymentEvents)
        .set({ outcome, ...links })
        .where(eq(paymentEvents.id, id));
    },

    async eventsOf(orderId: number): Promise<PaymentEventRow[]> {
      return (await db
        .select()
        .from(paymentEvents)
        .where(eq(paymentEvents.orderId, orderId))
        .orderBy(desc(paymentEvents.receivedAt), desc(paymentEvents.id))) as PaymentEventRow[];
    },

    /** Open attempts whose time to ask the provider has come, claimed for this instance (the claim moves their next check). */
    async claimDueChecks(tx: StoreExecutor, now: Date, next: Date, limit: number): Promise<AttemptRow[]> {
      const due = (await tx
        .select()
        .from(paymentAttempts)
        .where(and(inArray(paymentAttempts.status, OPEN), isNotNull(paymentAttempts.checkAfter), lte(paymentAttempts.checkAfter, now)))
        .orderBy(asc(paymentAttempts.checkAfter))
        .limit(limit)
        .for('update', { skipLocked: true })) as AttemptRow[];
      if (due.length > 0) {
        await tx
          .update(paymentAttempts)
          .set({ checkAfter: next })
          .where(
            inArray(
              paymentAttempts.id,
              due.map((a) => a.id),
            ),
          );
      }
      return due;
    },

    /**
     * Open attempts of `providers` whose order closed meanwhile (expired, or cancelled), closed
     * within `since`; locked with SKIP LOCKED so one instance handles each.
     */
    async claimAbandoned(tx: StoreExecutor, providers: readonly string[], since: Date, limit: number): Promise<AttemptRow[]> {
      if (providers.length === 0) return [];
      const rows = (await tx.execute(sql`
        SELECT a.id FROM payment_attempts a JOIN orders o ON o.id = a.order_id
        WHERE a.status IN ('created', 'pending') AND o.status IN ('expired', 'cancelled') AND o.updated_at >= ${since}
          AND a.provider IN (${sql.join(
            providers.map((p) => sql`${p}`),
            sql`, `,
          )})
        ORDER BY a.id LIMIT ${limit}
        FOR UPDATE OF a SKIP LOCKED`)) as unknown as { rows: { id: number }[] };
      const ids = rows.rows.map((r) => Number(r.id));
      if (ids.length === 0) return [];
      return (await tx.select().from(paymentAttempts).where(inArray(paymentAttempts.id, ids))) as AttemptRow[];
    },

    async providerSettings(): Promise<ProviderSettingsRow[]> {
      return (await db.select().from(paymentProviderSettings)) as ProviderSettingsRow[];
    },

    async lockProviderSettings(tx: StoreExecutor, provider: string): Promise<ProviderSettingsRow | undefined> {
      await tx.insert(paymentProviderSettings).values({ provider }).onConflictDoNothing();
      const [row] = await tx.select().from(paymentProviderSettings).where(eq(paymentProviderSettings.provider, provider)).for('update');
      return row as ProviderSettingsRow | undefined;
    },

    async saveProviderSettings(tx: StoreExecutor, provider: string, values: Partial<Omit<ProviderSettingsRow, 'provider' | 'updatedAt'>>) {
      await tx
        .update(paymentProviderSettings)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(paymentProviderSettings.provider, provider));
    },
  };
}

export type PaymentsRepository = ReturnType<typeof createPaymentsRepository>;
