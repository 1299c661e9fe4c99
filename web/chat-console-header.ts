/**
 * The header of a conversation in the staff console: the customer's name, who handles it
 * (assignment), and archive or reopen.
 */
import type { StaffMember } from '../src/chat/contract';
import type { Summary } from './chat-console-list';
import { type ChatSocket, ask } from './chat-connection';
import { type Strings, el, format } from './chat-dom';

/** The staff the chat has seen in the console, and which of them this console belongs to. */
export interface StaffDirectory {
  me?: StaffMember;
  staff: StaffMember[];
}

export async function loadStaffDirectory(socket: ChatSocket, directory: StaffDirectory): Promise<void> {
  const answer = await ask(socket, 'staff:list');
  if (!answer.ok) return;
  directory.staff = answer.staff;
  directory.me = answer.me;
}

export interface HeaderOptions {
  s: Strings;
  socket: ChatSocket;
  directory: StaffDirectory;
  /** The conversation changed on the server: reload the list (and, after archive/reopen, the pane). */
  refresh(): Promise<void>;
  reopen(c: Summary): Promise<void>;
}

export function conversationHeader(c: Summary, opts: HeaderOptions): HTMLElement {
  const { s, socket } = opts;
  const header = el('header', 'chat-panel-header');
  header.append(el('h2', 'chat-panel-title', c.customerName));
  const toggle = el('button', 'btn btn-sm btn-outline-rock', c.status === 'open' ? s['console.archive'] : s['console.reopen']);
  toggle.type = 'button';
  toggle.addEventListener('click', async () => {
    const answer = await ask(socket, c.status === 'open' ? 'conversation:archive' : 'conversation:reopen', { conversationId: c.id });
    if (answer.ok) c.status = c.status === 'open' ? 'archived' : 'open';
    await opts.refresh();
    await opts.reopen(c);
  });
  header.append(assignControl(c, opts), toggle);
  return header;
}

/** "Handled by": nobody, me, or a colleague the chat has seen in the console. */
function assignControl(c: Summary, opts: HeaderOptions): HTMLElement {
  const { s, socket, directory } = opts;
  const wrap = el('div', 'chat-assign');
  const label = el('label', 'small text-body-secondary', s['console.assign']);
  label.htmlFor = 'chat-assign';
  const select = el('select', 'form-select form-select-sm');
  select.id = 'chat-assign';
  const none = el('option', '', s['console.assign.none']);
  none.value = '';
  select.append(none);
  const people = [...directory.staff];
  // Someone assigned before the directory knew them still shows by name.
  if (c.assignedStaffId && !people.some((p) => p.id === c.assignedStaffId))
    people.push({ id: c.assignedStaffId, name: c.assignedStaffName ?? c.assignedStaffId });
  for (const person of people) {
    const option = el('option', '', person.id === directory.me?.id ? format(s['console.assign.me'], { name: person.name }) : person.name);
    option.value = person.id;
    select.append(option);
  }
  select.value = c.assignedStaffId ?? '';
  select.addEventListener('change', async () => {
    const answer = await ask(socket, 'conversation:assign', { conversationId: c.id, staffId: select.value || null });
    if (answer.ok) {
      c.assignedStaffId = answer.conversation.assignedStaffId;
      c.assignedStaffName = answer.conversation.assignedStaffName;
    }
    select.value = c.assignedStaffId ?? '';
    await opts.refresh();
  });
  wrap.append(label, select);
  return wrap;
}
