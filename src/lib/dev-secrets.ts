/**
 * Outside production, secrets that are not configured are generated once and kept in
 * `<DATA_DIR>/secrets.json` (mode 0600), so the store and the chat service started separately
 * agree on the chat token secret and sessions survive a restart.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DevSecrets {
  sessionSecret: string;
  chatTokenSecret: string;
}

export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'secrets.json');
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>;
    if (stored.sessionSecret && stored.chatTokenSecret) {
      return { sessionSecret: stored.sessionSecret, chatTokenSecret: stored.chatTokenSecret };
    }
  } catch {
    // missing or unreadable: create a new pair below
  }
  const secrets: DevSecrets = {
    sessionSecret: randomBytes(32).toString('base64url'),
    chatTokenSecret: randomBytes(32).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  try {
    // `wx` fails if another process created the file meanwhile: then use theirs.
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
    return secrets;
  } catch {
    return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  }
}
