/**
 * When the shop requires two-factor sign-in for staff (shop settings), a staff member or admin
 * without it can open only the security page (to enrol) until it is on; logging out is outside
 * /admin and stays open. Runs after the area's role guard, so only staff and admins reach it.
 */
import type { FastifyInstance } from 'fastify';
import { sendError } from '../../../lib/errors';
import { wantsJson } from '../../plugins/errors';
import { SECURITY_PATH } from './pages';

export function requireTwoFactorEnrolment(admin: FastifyInstance, isRequired: () => Promise<boolean>) {
  admin.addHook('onRequest', async (request, reply) => {
    const user = request.user;
    // Enrolled users pass without a settings read.
    if (!user || user.twoFactor) return;
    const path = request.url.split('?')[0] ?? '';
    if (path === SECURITY_PATH || path.startsWith(`${SECURITY_PATH}/`)) return;
    if (!(await isRequired())) return;
    if (wantsJson(request)) return sendError(reply, 'two_factor_required', 403, request.t('twoFactor.requiredNotice'));
    return reply.redirect(SECURITY_PATH, 303);
  });
}
