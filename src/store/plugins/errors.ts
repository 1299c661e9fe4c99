/**
 * One place turns every failure into a friendly page (browsers) or a JSON error (API and
 * fetch calls). No stack trace ever reaches a user; server errors are logged with the request id.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { type ErrorResponseOptions, errorResponse, sendError } from '../../lib/errors';
import { ErrorPage } from '../ui/error-page';
import { fallbackErrorHtml } from '../ui/render';

const ERROR_RESPONSE: ErrorResponseOptions = {
  internalMessage: 'Something went wrong. Please try again.',
  // Fastify's and its plugins' own codes, e.g. FST_ERR_CTP_INVALID_MEDIA_TYPE → fst_err_ctp_invalid_media_type.
  clientCode: (error) => (typeof error.code === 'string' ? error.code.toLowerCase() : 'bad_request'),
};

export function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

async function sendErrorPage(request: FastifyRequest, reply: FastifyReply, kind: 400 | 403 | 404 | 413 | 429 | 500, status: number = kind) {
  try {
    return await reply.page(h(ErrorPage, { status: kind, reference: kind === 500 ? request.id : undefined }), status);
  } catch (renderError) {
    request.log.error({ err: renderError }, 'error page could not be rendered');
    return reply.code(status).type('text/html; charset=utf-8').send(fallbackErrorHtml(status, request.id));
  }
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setNotFoundHandler(async (request, reply) => {
    if (wantsJson(request)) {
      return sendError(reply, 'not_found', 404, 'Not found');
    }
    return sendErrorPage(request, reply, 404);
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const { status, body } = errorResponse(error, ERROR_RESPONSE);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ err: { message: error.message, code: body.error.code } }, 'request rejected');

    if (wantsJson(request)) return reply.code(status).send(body);
    if (status === 404) return sendErrorPage(request, reply, 404);
    // A body over the limit is no "invalid request": say what was too big.
    if (status === 403 || status === 413 || status === 429) return sendErrorPage(request, reply, status);
    if (status < 500) return sendErrorPage(request, reply, 400, status);
    return sendErrorPage(request, reply, 500, status);
  });
}
