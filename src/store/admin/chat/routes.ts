/** C4 in the back office: the staff chat console page and its customer panel (JSON). */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { AccountsService } from '../../accounts/service';
import type { OrdersService } from '../../orders/service';
import { adminPage } from '../render';
import { ChatConsolePage } from './console-page';
import { registerChatCustomerPanel } from './customer-panel';

export function registerAdminChatRoutes(admin: FastifyInstance, deps: { accounts: AccountsService; orders: OrdersService }) {
  admin.get('/chat', (_request, reply) => adminPage(reply, h(ChatConsolePage, {})));
  registerChatCustomerPanel(admin, deps);
}
