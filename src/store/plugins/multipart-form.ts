/**
 * File upload forms that work without JavaScript: one multipart form whose CSRF field (and any
 * other short text field) comes before the files. Used by the transfer receipt, product images
 * and the catalogue import.
 *
 * @fastify/multipart is registered in the caller's own encapsulated scope, so the multipart parser
 * and its request decorators exist only for those routes: anywhere else a multipart body stays a
 * 415 and the app's urlencoded/JSON parsing is untouched.
 *
 * CSRF: the global preHandler reads `_csrf` from `request.body` (or the `x-csrf-token` header).
 * The multipart parser leaves the body unread, so the preValidation hook made here (which runs
 * before every preHandler) reads the parts itself and sets `request.body` to the text fields the
 * route asked for; files are kept aside, never in the body. Nothing in the hook changes state.
 */
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface FormFile {
  field: string;
  filename: string;
  data: Buffer;
}

/** Why the form's files could not be read: too big, too many, or not a well-formed multipart body. */
export type MultipartFailure = 'too_large' | 'too_many' | 'malformed';

export interface MultipartFormData {
  files: FormFile[];
  /** File parts sent without bytes (no file chosen, or a 0-byte file that had a name). */
  emptyFiles: { field: string; filename: string }[];
  failure?: MultipartFailure;
}

export interface MultipartFormOptions {
  /** File fields read; other file parts are drained unread. */
  fileFields: readonly string[];
  /** Text fields kept in `request.body` besides `_csrf`. */
  textFields?: readonly string[];
  maxFileBytes: number;
  maxFiles: number;
  /**
   * A body declared (Content-Length) bigger than every allowed file plus framing is not read at
   * all: this answers at once (the connection is then closed instead of swallowing the rest).
   * Without it the route runs with the `too_large` failure (and an empty body).
   */
  onTooLarge?: (request: FastifyRequest, reply: FastifyReply) => unknown;
}

const FRAMING_BYTES = 64 * 1024;
const FAILURE_CODES: Record<string, MultipartFailure> = {
  FST_REQ_FILE_TOO_LARGE: 'too_large',
  FST_FILES_LIMIT: 'too_many',
  FST_PARTS_LIMIT: 'too_many',
};

/** The most an oversized upload is read (and discarded) so its sender sees the answer. */
export const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

/** Reads the request body to its end without keeping it; false when it went past `limit` (then the socket is closed). */
async function discardBody(request: FastifyRequest, limit: number): Promise<boolean> {
  let seen = 0;
  try {
    for await (const chunk of request.raw) {
      seen += (chunk as Buffer).length;
      if (seen > limit) return false;
    }
    return true;
  } catch {
    return false;
  }
}

async function drain(stream: Readable) {
  stream.resume();
  await finished(stream).catch(() => {});
}

/**
 * Registers the multipart parser in `scope` with limits from `options` and returns the route's
 * preValidation hook and `formOf(request)`, what that hook read (once: it is forgotten after).
 */
export async function multipartForm(scope: FastifyInstance, options: MultipartFormOptions) {
  const textFields = new Set(['_csrf', ...(options.textFields ?? [])]);
  const fileFields = new Set(options.fileFields);
  const maxRequestBytes = options.maxFiles * options.maxFileBytes + FRAMING_BYTES;
  await scope.register(multipart, {
    limits: {
      fileSize: options.maxFileBytes,
      files: options.maxFiles,
      fields: textFields.size + 2,
      fieldSize: 1024,
      fieldNameSize: 64,
      parts: options.maxFiles + textFields.size + 2,
      headerPairs: 20,
    },
  });
  const forms = new WeakMap<FastifyRequest, MultipartFormData>();

  async function preValidation(request: FastifyRequest, reply: FastifyReply) {
    if (!request.isMultipart()) return;
    const form: MultipartFormData = { files: [], emptyFiles: [] };
    const fields: Record<string, string> = {};
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxRequestBytes) {
      // A browser shows nothing of an answer sent while it is still uploading (the connection is
      // reset under it): read what it sends and throw it away, then answer. Beyond a bound the
      // connection is closed instead, since nobody should be able to make us read gigabytes.
      const drained = declared <= DRAIN_LIMIT_BYTES && (await discardBody(request, DRAIN_LIMIT_BYTES));
      if (!drained) reply.header('connection', 'close');
      if (options.onTooLarge) return options.onTooLarge(request, reply);
      form.failure = 'too_large';
    } else {
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (!fileFields.has(part.fieldname)) {
              await drain(part.file);
              continue;
            }
            const data = await part.toBuffer();
            const filename = part.filename.slice(0, 120);
            if (data.length > 0) form.files.push({ field: part.fieldname, filename, data });
            else form.emptyFiles.push({ field: part.fieldname, filename });
          } else if (textFields.has(part.fieldname) && typeof part.value === 'string') {
            fields[part.fieldname] = part.value;
          }
        }
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        form.failure = (typeof code === 'string' && FAILURE_CODES[code]) || 'malformed';
        form.files = [];
        request.log.info({ err: { message: (error as Error).message, code } }, 'multipart form not read');
      }
    }
    request.body = fields;
    forms.set(request, form);
  }

  function formOf(request: FastifyRequest): MultipartFormData {
    const form = forms.get(request) ?? { files: [], emptyFiles: [] };
    forms.delete(request);
    return form;
  }

  return { preValidation, formOf };
}
