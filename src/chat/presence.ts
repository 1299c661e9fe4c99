/**
 * C5 presence: who is online, per role ("customer" = customers and guests, "staff" = staff and
 * admins). A user is online while at least one of their sockets is connected on any instance.
 *
 * Every instance counts its own sockets in memory; only a user's first local socket and their
 * last one touch shared state. Without Redis that memory is all there is (one instance). With
 * Redis, each instance keeps a heartbeated entry per online user, so a crashed instance's users
 * drop out within `ttlMs` on their own and the next sweep by a live instance announces it.
 *
 * Methods return the transitions to announce (a customer came online or went offline, support
 * as a whole came online or went offline); presence-events.ts turns them into socket events.
 */
import { randomUUID } from 'node:crypto';
import type { ChatTokenClaims } from '../lib/chat-tokens';
import type { RedisClient } from '../lib/redis';
import { isStaff } from './auth';

export type PresenceRole = 'customer' | 'staff';
export type PresenceEvent = { type: 'customer'; customerId: string; online: boolean } | { type: 'support'; online: boolean };

export interface Presence {
  connect(claims: ChatTokenClaims, socketId: string): Promise<PresenceEvent[]>;
  disconnect(claims: ChatTokenClaims, socketId: string): Promise<PresenceEvent[]>;
  onlineCustomers(): Promise<string[]>;
  staffOnline(): Promise<boolean>;
  /** Forgets this instance's users (graceful stop); returns what the other instances should hear. */
  close(): Promise<PresenceEvent[]>;
}

export const presenceRole = (claims: ChatTokenClaims): PresenceRole => (isStaff(claims) ? 'staff' : 'customer');

/** This instance's sockets per role and user; answers "first socket?" and "last socket?". */
function createLocalSockets() {
  const byRole: Record<PresenceRole, Map<string, Set<string>>> = { customer: new Map(), staff: new Map() };
  return {
    /** True when this is the user's first socket here. */
    add(role: PresenceRole, sub: string, socketId: string): boolean {
      const sockets = byRole[role].get(sub);
      if (sockets) {
        sockets.add(socketId);
        return false;
      }
      byRole[role].set(sub, new Set([socketId]));
      return true;
    },
    /** True when this was the user's last socket here. */
    remove(role: PresenceRole, sub: string, socketId: string): boolean {
      const sockets = byRole[role].get(sub);
      if (!sockets?.delete(socketId) || sockets.size > 0) return false;
      byRole[role].delete(sub);
      return true;
    },
    has: (role: PresenceRole, sub: string) => byRole[role].has(sub),
    users: (role: PresenceRole) => [...byRole[role].keys()],
    clear() {
      byRole.customer.clear();
      byRole.staff.clear();
    },
  };
}

const userEvents = (role: PresenceRole, subs: string[], online: boolean): PresenceEvent[] =>
  role === 'customer' ? subs.map((customerId) => ({ type: 'customer' as const, customerId, online })) : [];

/** One instance, no Redis: the local sockets are the whole truth. */
export function createMemoryPresence(): Presence {
  const local = createLocalSockets();
  let closed = false;
  return {
    async connect(claims, socketId) {
      const role = presenceRole(claims);
      if (closed) return [];
      const supportBefore = local.users('staff').length > 0;
      if (!local.add(role, claims.sub, socketId)) return [];
      return role === 'staff' ? (supportBefore ? [] : [{ type: 'support', online: true }]) : userEvents(role, [claims.sub], true);
    },
    async disconnect(claims, socketId) {
      const role = presenceRole(claims);
      if (closed || !local.remove(role, claims.sub, socketId)) return [];
      if (role === 'customer') return userEvents(role, [claims.sub], false);
      return local.users('staff').length === 0 ? [{ type: 'support', online: false }] : [];
    },
    onlineCustomers: async () => local.users('customer'),
    staffOnline: async () => local.users('staff').length > 0,
    async close() {
      closed = true;
      local.clear();
      return [];
    },
  };
}

// ── Redis ──────────────────────────────────────
// Keys (one hash tag, so a cluster keeps them in one slot):
//   {prefix}:presence:<role>        sorted set  user → latest expiry (ms) over all instances
//   {prefix}:presence:<role>:<user> sorted set  instance → expiry (ms), for that user
// Scripts read the clock from Redis (TIME), so instances with skewed clocks agree.

// Scores are passed as integer strings: Lua would print a bare number as 1.7e+12.
const NOW = `local t = redis.call('TIME')
local nowMs = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local now = string.format('%d', nowMs)`;
const LIVE_STAFF = `redis.call('ZCOUNT', KEYS[2], '(' .. now, '+inf')`;

/** KEYS role set, staff set; ARGV instance, ttl, user-key prefix, users… → {supportCameOnline, users who came online…} */
const ADD = `${NOW}
local expires = string.format('%d', nowMs + tonumber(ARGV[2]))
local staffBefore = ${LIVE_STAFF}
local out = {}
for i = 4, #ARGV do
  local userKey = ARGV[3] .. ARGV[i]
  redis.call('ZREMRANGEBYSCORE', userKey, '-inf', now)
  if redis.call('ZCARD', userKey) == 0 then out[#out + 1] = ARGV[i] end
  redis.call('ZADD', userKey, expires, ARGV[1])
  redis.call('PEXPIRE', userKey, ARGV[2])
  redis.call('ZADD', KEYS[1], 'GT', expires, ARGV[i])
end
table.insert(out, 1, (staffBefore == 0 and ${LIVE_STAFF} > 0) and '1' or '0')
return out`;

/** Drops expired instances of one user; removes the user when none is left. Needs now, role set. */
const SETTLE = `local function settle(roleKey, userKey, user)
  redis.call('ZREMRANGEBYSCORE', userKey, '-inf', now)
  local last = redis.call('ZRANGE', userKey, -1, -1, 'WITHSCORES')
  if #last == 0 then redis.call('ZREM', roleKey, user) return true end
  redis.call('ZADD', roleKey, last[2], user)
  return false
end`;

/** KEYS role set, staff set; ARGV instance, user-key prefix, users… → {supportWentOffline, users who went offline…} */
const REMOVE = `${NOW}
${SETTLE}
local staffBefore = ${LIVE_STAFF}
local out = {}
for i = 3, #ARGV do
  redis.call('ZREM', ARGV[2] .. ARGV[i], ARGV[1])
  if settle(KEYS[1], ARGV[2] .. ARGV[i], ARGV[i]) then out[#out + 1] = ARGV[i] end
end
table.insert(out, 1, (staffBefore > 0 and ${LIVE_STAFF} == 0) and '1' or '0')
return out`;

/** KEYS customer set, staff set; ARGV their user-key prefixes → {supportWentOffline, customers who went offline…} */
const SWEEP = `${NOW}
${SETTLE}
local out = {}
local staffGone = 0
for k = 1, 2 do
  for _, user in ipairs(redis.call('ZRANGEBYSCORE', KEYS[k], '-inf', now, 'LIMIT', 0, 1000)) do
    if settle(KEYS[k], ARGV[k] .. user, user) then
      if k == 1 then out[#out + 1] = user else staffGone = staffGone + 1 end
    end
  end
end
table.insert(out, 1, (staffGone > 0 and ${LIVE_STAFF} == 0) and '1' or '0')
return out`;

/** KEYS role set → users whose entry has not expired */
const LIVE = `${NOW}
return redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf')`;

type Script = (...args: (string | number)[]) => Promise<string[]>;
const BATCH = 500;

export interface RedisPresenceOptions {
  /** A client the caller connects and closes (the adapter's publishing client will do). */
  redis: RedisClient;
  /** Key prefix; the adapter's channel prefix keeps parallel test apps apart. */
  key: string;
  /** How long an instance's entries outlive its last heartbeat (crash → offline). */
  ttlMs?: number;
  heartbeatMs?: number;
  /** Transitions found by heartbeats and sweeps (a crashed instance's users, Redis data loss). */
  onChange: (events: PresenceEvent[]) => void;
  onError?: (error: unknown) => void;
}

export function createRedisPresence({
  redis,
  key,
  ttlMs = 24_000,
  heartbeatMs = 8_000,
  onChange,
  onError = () => {},
}: RedisPresenceOptions): Presence {
  const instance = randomUUID();
  const local = createLocalSockets();
  const prefix = `{${key}}:presence`;
  const roleKey = (role: PresenceRole) => `${prefix}:${role}`;
  const userPrefix = (role: PresenceRole) => `${prefix}:${role}:`;
  const script = (name: string, numberOfKeys: number, lua: string): Script => {
    redis.defineCommand(name, { numberOfKeys, lua });
    return (redis as unknown as Record<string, Script>)[name]!.bind(redis);
  };
  const add = script('presenceAdd', 2, ADD);
  const remove = script('presenceRemove', 2, REMOVE);
  const sweep = script('presenceSweep', 2, SWEEP);
  const live = script('presenceLive', 1, LIVE);
  let closed = false;

  const toEvents = (role: PresenceRole, [supportFlag, ...users]: string[], online: boolean): PresenceEvent[] => [
    ...userEvents(role, users, online),
    ...(supportFlag === '1' ? [{ type: 'support' as const, online }] : []),
  ];
  const addUsers = async (role: PresenceRole, users: string[]) =>
    toEvents(role, await add(roleKey(role), roleKey('staff'), instance, ttlMs, userPrefix(role), ...users), true);
  const removeUsers = async (role: PresenceRole, users: string[]) =>
    toEvents(role, await remove(roleKey(role), roleKey('staff'), instance, userPrefix(role), ...users), false);

  /** Refreshes this instance's entries (re-adding any Redis lost), then expires crashed ones. */
  let beating = false;
  async function heartbeat() {
    // Not connected yet (before onReady) or reconnecting: the next beat repairs everything.
    if (beating || closed || redis.status !== 'ready') return;
    beating = true;
    try {
      const events: PresenceEvent[] = [];
      for (const role of ['customer', 'staff'] as const) {
        const users = local.users(role);
        for (let i = 0; i < users.length; i += BATCH) {
          // Filtered right before sending: a user who left during an earlier batch must not be
          // re-added after their removal (commands on one connection run in order).
          const batch = users.slice(i, i + BATCH).filter((sub) => local.has(role, sub));
          if (batch.length > 0) events.push(...(await addUsers(role, batch)));
        }
      }
      const [supportFlag, ...gone] = await sweep(roleKey('customer'), roleKey('staff'), userPrefix('customer'), userPrefix('staff'));
      events.push(...userEvents('customer', gone, false), ...(supportFlag === '1' ? [{ type: 'support' as const, online: false }] : []));
      if (events.length > 0) onChange(events);
    } catch (error) {
      onError(error);
    } finally {
      beating = false;
    }
  }
  const timer = setInterval(() => void heartbeat(), heartbeatMs);
  timer.unref();

  return {
    async connect(claims, socketId) {
      const role = presenceRole(claims);
      if (closed || !local.add(role, claims.sub, socketId)) return [];
      return addUsers(role, [claims.sub]);
    },
    async disconnect(claims, socketId) {
      const role = presenceRole(claims);
      if (closed || !local.remove(role, claims.sub, socketId)) return [];
      return removeUsers(role, [claims.sub]);
    },
    onlineCustomers: () => live(roleKey('customer')),
    staffOnline: async () => (await live(roleKey('staff'))).length > 0,
    async close() {
      if (closed) return [];
      closed = true;
      clearInterval(timer);
      const events: PresenceEvent[] = [];
      for (const role of ['customer', 'staff'] as const) {
        const users = local.users(role);
        for (let i = 0; i < users.length; i += BATCH) events.push(...(await removeUsers(role, users.slice(i, i + BATCH))));
      }
      local.clear();
      return events;
    },
  };
}
