/**
 * The chat's one contract between the chat service (src/chat), the store's proxy to it
 * (src/store/chat) and the browser (web/chat-*.ts): the Socket.IO events with their payloads and
 * acknowledgements, the URL paths, and the limits both sides apply. Change a rule here and every
 * side follows (and the type checker shows what has to change with it).
 *
 * esbuild bundles this file into browser code as well, so it holds only types and plain
 * constants and imports nothing. The chat service still validates every payload it receives with
 * zod: these types describe what an honest client sends, not what arrives.
 */

/* ---- Paths ---------------------------------------------------------------------------------- */

/**
 * The store proxies `/chat/…` to the chat service, so the browser talks to its own origin; the
 * Socket.IO path carries the same prefix so the proxy can forward it unchanged.
 */
export const CHAT_SOCKET_PATH = '/chat/socket.io';
/** Where the browser reaches the chat service's HTTP API, through the store … */
export const CHAT_API_PREFIX = '/chat/api';
/** … and where the chat service serves it (the store's proxy rewrites the one to the other). */
export const CHAT_SERVICE_API_PREFIX = '/api';
/** Image attachments, under either API prefix: POST uploads one, GET `…/:id` reads it. */
export const CHAT_ATTACHMENTS_PATH = '/attachments';
/**
 * The dashboard's chat figures, under the service API prefix (`GET /api/stats`): answers
 * `ChatStatsDto` to the store's service token only (src/lib/chat-tokens.ts), 401 to anything else.
 */
export const CHAT_STATS_PATH = '/stats';
/** The store's chat endpoints: a token for the logged-in user, and the guest pre-chat form. */
export const CHAT_TOKEN_PATH = '/chat/token';
export const CHAT_GUEST_PATH = '/chat/guest';
/** Staff only: the customer's contact details and recent orders, at `…/:customerId`. */
export const CHAT_CUSTOMER_PANEL_PATH = '/admin/chat/pelanggan';

/* ---- Limits --------------------------------------------------------------------------------- */

/** Longest message body, checked in the database as well as at the socket boundary. */
export const CHAT_MESSAGE_MAX_LENGTH = 2000;
/** Longest quick-reply title (the body follows the message rule). */
export const CANNED_TITLE_MAX_LENGTH = 80;
/** The guest pre-chat form: who staff are talking to, and where to answer later. */
export const GUEST_NAME_MAX_LENGTH = 60;
export const GUEST_EMAIL_MAX_LENGTH = 120;
/** A console search longer than this is refused (it would only slow the query down). */
export const CONVERSATION_SEARCH_MAX_LENGTH = 200;
/** Product slugs, as the catalog makes them; a card is attached by slug only. */
export const PRODUCT_SLUG_MAX_LENGTH = 220;

/** Largest image upload accepted, before re-encoding (a phone photo is 2–6 MB). */
export const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024;
/** Decompression bombs: 50 megapixels is far above any phone photo or screenshot. */
export const ATTACHMENT_MAX_PIXELS = 50_000_000;
/** What the image picker offers; the chat service sniffs the bytes for exactly these formats. */
export const ATTACHMENT_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
/** Uploads per person: 10 a minute (a few photos of a guitar's damage in a row is fine). */
export const UPLOAD_RATE = { perMinute: 10, burst: 10 } as const;
/** Uploaded but not sent yet: the widget uploads when a file is picked; more than this is abuse. */
export const MAX_UNSENT_UPLOADS = 20;
/** Text of a message that is only an image (the browser shows the image, not this). */
export const IMAGE_ONLY_BODY = '[image]';

/** Message limits: 5 per second sustained, bursts of 10 (pasting a few lines is fine). */
export const MESSAGE_RATE = { perSecond: 5, burst: 10 } as const;
/** Everything but sending messages (history, typing, lists, presence): generous, only stops floods. */
export const EVENT_RATE = { perSecond: 20, burst: 40 } as const;
/** Messages are ≤ 2000 characters; 64 KB per socket packet leaves room for framing and stops memory abuse. */
export const MAX_SOCKET_PAYLOAD_BYTES = 64 * 1024;

/** Messages per history page when the request names no limit … */
export const HISTORY_PAGE = 50;
/** … and the most one request may ask for. */
export const HISTORY_MAX_LIMIT = 100;
/** Conversations in one console list answer. */
export const CONVERSATION_LIST_LIMIT = 100;

/** A typing notice every few seconds is enough for "the other side sees you typing" … */
export const TYPING_EVERY_MS = 3_000;
/** … and the receiving side shows "typing…" a little longer than that after the last one. */
export const TYPING_SHOWN_MS = 5_000;

/* ---- Shared vocabulary ---------------------------------------------------------------------- */

export const CONVERSATION_STATUSES = ['open', 'archived'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** The console's list filters. */
export const CONVERSATION_FILTERS = ['all', 'unread', 'today', 'mine', 'unassigned'] as const;
export type ConversationFilter = (typeof CONVERSATION_FILTERS)[number];

/** `system` is for messages the service writes itself (e.g. "conversation archived"). */
export const SENDER_ROLES = ['customer', 'guest', 'staff', 'admin', 'system'] as const;
export type SenderRole = (typeof SENDER_ROLES)[number];

/** The two sides of a conversation, as receipts and typing notices name them. */
export type ChatSide = 'customer' | 'staff';

/* ---- What travels ----------------------------------------------------------------------------- */

/** A product card, built by the chat service from the store's catalog (never from a browser). */
export interface ProductCard {
  slug: string;
  name: string;
  brand: string;
  price: number;
  priceText: string;
  url: string;
  image: string | null;
}

/** An uploaded image, re-encoded by the chat service; read with the chat token. */
export interface AttachmentRef {
  id: string;
  width: number;
  height: number;
}

export interface MessageDto {
  id: number;
  conversationId: number;
  senderRole: SenderRole;
  body: string;
  product: ProductCard | null;
  attachment: AttachmentRef | null;
  createdAt: string;
}

/** What both sides learn about a conversation: read markers drive the receipts. */
export interface ConversationDto {
  id: number;
  customerId: string;
  customerName: string;
  status: ConversationStatus;
  /** The name only: customers see who looks after them, not the staff member's account id. */
  assignedStaffName: string | null;
  staffLastReadId: number;
  customerLastReadId: number;
}

/** One row of the staff console's list. */
export interface ConversationSummaryDto {
  id: number;
  customerId: string;
  customerName: string;
  status: ConversationStatus;
  lastMessageAt: string;
  unread: number;
  assignedStaffId: string | null;
  assignedStaffName: string | null;
  /** Highest message id the customer's widget has shown: staff replies up to it are "read". */
  customerLastReadId: number;
  lastMessage: { id: number; body: string; senderRole: SenderRole; createdAt: string; hasAttachment: boolean } | null;
  /** With a search: the newest message that matched (so the list can show why it matched). */
  match: { id: number; body: string } | null;
}

/** A change to a conversation; customers are never sent the staff member's account id. */
export interface ConversationUpdate {
  id: number;
  status?: ConversationStatus;
  assignedStaffId?: string | null;
  assignedStaffName?: string | null;
}

export interface StaffMember {
  id: string;
  name: string;
}

export interface CannedReplyDto {
  id: number;
  title: string;
  body: string;
  updatedAt: string;
}

/** Open conversations, and how many of them wait for staff (a customer message nobody has read). */
export interface ChatStatsDto {
  waiting: number;
  open: number;
}

/* ---- Acknowledgements ----------------------------------------------------------------------- */

export interface AckFailure {
  ok: false;
  error: { code: string; message?: string };
}
/** Every request is answered exactly once: `ok: true` with its result, or an error code. */
export type AckResult<T extends object = Record<never, never>> = ({ ok: true } & T) | AckFailure;
export type Ack<T extends object = Record<never, never>> = (answer: AckResult<T>) => void;

/* ---- Events --------------------------------------------------------------------------------- */

/** Requests from a browser; each ends with the acknowledgement the server answers with. */
export interface ClientToServerEvents {
  /** Staff name the conversation; a customer's is decided by their token. */
  'message:send': (
    request: { body: string; conversationId?: number; product?: string; attachment?: string },
    ack: Ack<{ message: MessageDto }>,
  ) => void;
  /** A page of messages: the latest, `before` an id (older), or `after` one (catching up). */
  history: (
    request: { conversationId?: number; before?: number; after?: number; limit?: number },
    ack: Ack<{ conversation: ConversationDto | null; messages: MessageDto[]; hasMore: boolean }>,
  ) => void;
  /** "I am typing"; sent without waiting for an answer. Staff name the conversation. */
  typing: (request: { conversationId?: number }, ack?: Ack) => void;
  /** Customer: the widget has shown messages up to this id (→ `receipt` to staff). */
  'conversation:seen': (request: { upTo: number }, ack: Ack<{ lastReadId: number }>) => void;
  'presence:support:get': (ack: Ack<{ online: boolean }>) => void;

  // Staff only (the chat service checks the role on every one):
  'conversation:list': (
    request: { status?: ConversationStatus; filter?: ConversationFilter; search?: string },
    ack: Ack<{ conversations: ConversationSummaryDto[] }>,
  ) => void;
  /** Marks the conversation read (→ `receipt` to the customer, `conversation:read` to other staff). */
  'conversation:read': (request: { conversationId: number }, ack: Ack<{ lastReadId: number }>) => void;
  /** Assign to a colleague (or oneself), or release with `staffId: null`. */
  'conversation:assign': (
    request: { conversationId: number; staffId: string | null },
    ack: Ack<{ conversation: ConversationDto & { assignedStaffId: string | null } }>,
  ) => void;
  'conversation:archive': (request: { conversationId: number }, ack: Ack<{ conversation: ConversationDto }>) => void;
  'conversation:reopen': (request: { conversationId: number }, ack: Ack<{ conversation: ConversationDto }>) => void;
  /** Who a conversation can be assigned to, and which of them is asking. */
  'staff:list': (ack: Ack<{ staff: StaffMember[]; me: StaffMember }>) => void;
  'presence:customers:get': (ack: Ack<{ online: string[] }>) => void;
  'canned:list': (ack: Ack<{ replies: CannedReplyDto[] }>) => void;
  /** Creates a quick reply, or changes the one with `id`; titles are unique, case-insensitively. */
  'canned:save': (request: { id?: number; title: string; body: string }, ack: Ack<{ reply: CannedReplyDto }>) => void;
  'canned:delete': (request: { id: number }, ack: Ack) => void;
}

/** Broadcasts from the chat service. */
export interface ServerToClientEvents {
  /** To the customer's sockets and the staff room (the sender's own socket has the ack instead). */
  'message:new': (event: { message: MessageDto; conversation: ConversationDto }) => void;
  typing: (event: { conversationId: number; from: ChatSide }) => void;
  /** `reader` has read the conversation up to `lastReadId`. */
  receipt: (event: { conversationId: number; reader: ChatSide; lastReadId: number }) => void;
  /** Another staff tab read the conversation: drop its unread badge. */
  'conversation:read': (event: { conversationId: number }) => void;
  'conversation:updated': (event: ConversationUpdate) => void;
  /** The quick replies changed: open consoles reload them. */
  'canned:changed': () => void;
  /** Staff room: a customer came online or went offline. */
  'presence:customer': (event: { customerId: string; online: boolean }) => void;
  /** Everyone: support as a whole came online or went offline. */
  'presence:support': (event: { online: boolean }) => void;
}

/** Chat instances talk to each other only through the Redis adapter's room broadcasts. */
export type InterServerEvents = Record<string, never>;

/** The events a browser sends that are answered, i.e. all of them but `typing`. */
export type ChatRequest = Exclude<keyof ClientToServerEvents, 'typing'>;
type AckParam<F> = F extends (...args: infer P) => void ? Extract<P[number], (answer: never) => void> : never;
/** What the server answers to `E` (its result or an AckFailure). */
export type AnswerTo<E extends keyof ClientToServerEvents> =
  AckParam<ClientToServerEvents[E]> extends (answer: infer A) => void ? A : never;
