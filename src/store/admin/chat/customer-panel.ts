/**
 * C4 customer panel: what staff see beside a conversation — the customer's contact details and
 * recent orders, straight from the store's data. The chat service knows a customer only by the
 * token subject (`user:<id>` or `guest:<hmac>`), so the console asks the store with that id.
 * Staff and admins only (the admin area's guard); guests have no account, so only their chat name
 * is known.
 */
import type { FastifyInstance } from 'fastify';
import { CHAT_CUSTOMER_PANEL_PATH } from '../../../chat/contract';
import { formatRupiah } from '../../../lib/money';
import { formatDateWib } from '../../../lib/time';
import type { AccountsService } from '../../accounts/service';
import type { OrdersService } from '../../orders/service';
import { sendError } from '../../../lib/errors';
import { formatPhone } from '../../../lib/phone';

const RECENT_ORDERS = 5;

export function registerChatCustomerPanel(admin: FastifyInstance, deps: { accounts: AccountsService; orders: OrdersService }) {
  // The console fetches the contract's path; this scope is already under /admin.
  admin.get<{ Params: { customerId: string } }>(
    `${CHAT_CUSTOMER_PANEL_PATH.replace(/^\/admin/, '')}/:customerId`,
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const t = request.t;
      const match = /^user:([1-9]\d{0,9})$/.exec(request.params.customerId);
      if (!match) return { kind: 'guest', note: t('chat.console.guestNote') };
      const userId = Number(match[1]);
      const user = Number.isSafeInteger(userId) ? await deps.accounts.profile(userId) : undefined;
      if (!user) return sendError(reply, 'not_found', 404, t('error.404.title'));
      const { orders, total } = await deps.orders.listForUser(user.id, 1, RECENT_ORDERS);
      return {
        kind: 'customer',
        name: user.name,
        email: user.email,
        phone: formatPhone(user.phone),
        since: formatDateWib(user.createdAt, request.locale),
        ordersTotal: total,
        orders: orders.map((o) => ({
          number: o.number,
          url: `/pesanan/${o.number}`,
          status: t(`order.status.${o.status}`),
          total: formatRupiah(o.total),
          date: formatDateWib(o.createdAt, request.locale),
        })),
      };
    },
  );
}
