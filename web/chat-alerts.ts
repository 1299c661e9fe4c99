/**
 * C3 "browser notification when minimised", for the customer widget: two header toggles (bell and
 * speaker, saved in localStorage) and what happens when a staff message arrives while the panel
 * is closed or the tab is hidden: a system notification (one per conversation, replaced rather
 * than piled up; a click brings the window and the panel back) and a short tone made with
 * WebAudio (no audio file to download).
 *
 * Browsers allow both only after a user gesture: notification permission is asked only when the
 * bell is pressed (never on page load), and the AudioContext is created or resumed on a click or
 * key press inside the widget.
 */
import { type ChatMessage, isImageOnly } from './chat-bubbles';
import { type Strings, el, icon } from './chat-dom';

export const NOTIFY_KEY = 'hurtrock-chat-notify';
export const SOUND_KEY = 'hurtrock-chat-sound';
/** Notification bodies are a preview, not the whole message. */
export const NOTIFY_BODY_MAX = 120;

/** A message from the shop (not the customer's own, not a system line). */
export function fromStaff(message: Pick<ChatMessage, 'senderRole'>): boolean {
  return message.senderRole === 'staff' || message.senderRole === 'admin';
}

export function truncate(text: string, max = NOTIFY_BODY_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // Cut at a word boundary when there is one reasonably close, and never inside a surrogate pair.
  const cut = [...flat].slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The notification text: the message itself, or "sent a product / an image" for a card or picture alone. */
export function notificationBody(message: ChatMessage, s: Strings, who = s.staff ?? 'Staff'): string {
  const body = message.body.trim();
  if (message.product && message.body === message.product.name) return `${who} ${s['notify.product'] ?? 'sent a product'}`;
  if (isImageOnly(message)) return `${who} ${s['notify.image'] ?? 'sent an image'}`;
  return truncate(body);
}

export const notificationTag = (conversationId: number) => `hurtrock-chat-${conversationId}`;

/** Stored preferences: notifications are opt-in (they need permission), sound is on by default. */
export function readPrefs(storage: Pick<Storage, 'getItem'> | null, keys = WIDGET_ALERTS.keys): { notify: boolean; sound: boolean } {
  const get = (key: string) => {
    try {
      return storage?.getItem(key) ?? null;
    } catch {
      return null; // storage disabled (privacy mode): defaults
    }
  };
  return { notify: get(keys.notify) === 'on', sound: get(keys.sound) !== 'off' };
}

function savePref(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, on ? 'on' : 'off');
  } catch {
    // not remembered across visits, still works for this page
  }
}

type Permission = 'granted' | 'denied' | 'default' | 'unsupported';

function permission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

async function askPermission(): Promise<Permission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  // Older Safari takes a callback and returns nothing; newer browsers return a promise.
  return new Promise<Permission>((resolve) => {
    const result = Notification.requestPermission((p) => resolve(p));
    if (result && typeof result.then === 'function') result.then(resolve, () => resolve(permission()));
  });
}

export interface ChatAlerts {
  /** The two toggles, for the panel header. */
  controls: HTMLElement;
  /** A message arrived; alerts for the audience's messages unless that conversation is in view. */
  incoming(message: ChatMessage, panelOpen: boolean): void;
  /** The panel was opened: an outstanding notification has done its job. */
  opened(): void;
}

/** Whose messages alert, where the preferences are kept, and who a notification names. */
export interface AlertAudience {
  alertFor(message: ChatMessage): boolean;
  keys: { notify: string; sound: string };
  /** The sender as the notification names them (the widget says "Staff"; the console the customer). */
  who?(message: ChatMessage): string | undefined;
  /** Notification title; the widget's chat title by default. */
  title?: string;
}

/** The customer widget: alerts for the shop's replies. */
export const WIDGET_ALERTS: AlertAudience = { alertFor: fromStaff, keys: { notify: NOTIFY_KEY, sound: SOUND_KEY } };

/**
 * `root` is the whole widget or console: its first click or key press unlocks audio. `onOpen`
 * brings the conversation back when a notification is clicked.
 */
export function createChatAlerts(
  root: HTMLElement,
  s: Strings,
  onOpen: (conversationId: number) => void,
  audience: AlertAudience = WIDGET_ALERTS,
): ChatAlerts {
  const prefs = readPrefs(typeof localStorage === 'undefined' ? null : localStorage, audience.keys);
  const controls = el('div', 'chat-alert-toggles');

  const bell = toggleButton('chat-alert-notify', { onIcon: 'bell', offIcon: 'bell-slash' });
  const speaker = toggleButton('chat-alert-sound', { onIcon: 'volume-high', offIcon: 'volume-xmark' });
  controls.append(bell.button, speaker.button);

  function showBell() {
    const p = permission();
    if (p === 'unsupported' || p === 'denied') {
      bell.set(false, p === 'denied' ? s['notify.denied'] : s['notify.unsupported']);
      bell.button.disabled = true;
      bell.button.dataset.permission = p;
      return;
    }
    bell.button.disabled = false;
    bell.button.dataset.permission = p;
    bell.set(prefs.notify && p === 'granted', s.notify);
  }
  showBell();
  speaker.set(prefs.sound, s.sound);
  // Permission can change in the browser's site settings while the page is open.
  document.addEventListener('visibilitychange', () => document.hidden || showBell());

  bell.button.addEventListener('click', async () => {
    if (bell.pressed()) {
      prefs.notify = false;
    } else {
      // Asked here, from the press, never on load: browsers ignore (or punish) unprompted asks.
      const p = permission() === 'default' ? await askPermission() : permission();
      prefs.notify = p === 'granted';
    }
    savePref(audience.keys.notify, prefs.notify);
    showBell();
  });
  speaker.button.addEventListener('click', () => {
    prefs.sound = !speaker.pressed();
    savePref(audience.keys.sound, prefs.sound);
    speaker.set(prefs.sound, s.sound);
    if (prefs.sound) void tone(); // the press is the gesture, and it shows what the sound is like
  });

  // --- sound -----------------------------------------------------------------------------------
  let audio: AudioContext | null = null;
  function unlockAudio() {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    try {
      audio ??= new Ctx();
      if (audio.state === 'suspended') void audio.resume().catch(() => {});
    } catch {
      audio = null;
    }
  }
  root.addEventListener('pointerdown', unlockAudio, { capture: true });
  root.addEventListener('keydown', unlockAudio, { capture: true });

  async function tone() {
    // The widget opens from a click, so the page usually has had a gesture even before ours.
    if (!audio && navigator.userActivation?.hasBeenActive) unlockAudio();
    if (audio?.state !== 'running') return;
    const now = audio.currentTime;
    const gain = audio.createGain();
    gain.connect(audio.destination);
    gain.gain.setValueAtTime(0.0001, now);
    // Two soft rising notes, a quarter of a second in all.
    for (const [i, freq] of [880, 1320].entries()) {
      const start = now + i * 0.12;
      const osc = audio.createOscillator();
      osc.type = 'sine';
      osc.frequency.setValueAtTime(freq, start);
      gain.gain.exponentialRampToValueAtTime(0.12, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.11);
      osc.connect(gain);
      osc.start(start);
      osc.stop(start + 0.12);
    }
    root.dataset.chatToneAt = String(Date.now()); // lets a browser test see that it played
  }

  // --- notifications ----------------------------------------------------------------------------
  const shown = new Map<number, Notification>();
  function notify(message: ChatMessage) {
    if (!prefs.notify || permission() !== 'granted') return;
    try {
      const notification = new Notification(audience.title ?? s.title ?? 'Hurtrock', {
        body: notificationBody(message, s, audience.who?.(message)),
        // One per conversation: a new message replaces the previous notification.
        tag: notificationTag(message.conversationId),
        icon: '/static/favicon.svg',
        lang: document.documentElement.lang || undefined,
      });
      shown.set(message.conversationId, notification);
      notification.addEventListener('click', () => {
        window.focus();
        onOpen(message.conversationId);
        notification.close();
      });
      notification.addEventListener('close', () => {
        if (shown.get(message.conversationId) === notification) shown.delete(message.conversationId);
      });
    } catch {
      // Android Chrome allows notifications only from a service worker: the badge and tone remain.
    }
  }

  return {
    controls,
    incoming(message, panelOpen) {
      if (!audience.alertFor(message) || (panelOpen && !document.hidden)) return;
      notify(message);
      if (prefs.sound) void tone();
    },
    opened() {
      for (const n of shown.values()) n.close();
      shown.clear();
    },
  };
}

/** An icon button with aria-pressed; its label says what it is (or why it is off limits). */
function toggleButton(className: string, { onIcon, offIcon }: { onIcon: string; offIcon: string }) {
  const button = el('button', `btn btn-sm chat-alert-toggle ${className}`);
  button.type = 'button';
  let current = icon(offIcon);
  button.append(current);
  return {
    button,
    pressed: () => button.getAttribute('aria-pressed') === 'true',
    set(on: boolean, label: string | undefined) {
      button.setAttribute('aria-pressed', String(on));
      button.setAttribute('aria-label', label ?? '');
      button.title = label ?? '';
      const next = icon(on ? onIcon : offIcon);
      current.replaceWith(next);
      current = next;
    },
  };
}
