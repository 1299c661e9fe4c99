/**
 * Canned quick replies in the staff console (C4): a picker that inserts a reply into the reply
 * box (staff can still edit it before sending), and a small editor shared by the whole team.
 * The list lives on the chat service; `canned:changed` from any console reloads it everywhere.
 */
import { CANNED_TITLE_MAX_LENGTH, CHAT_MESSAGE_MAX_LENGTH, type CannedReplyDto } from '../src/chat/contract';
import { type ChatSocket, ask } from './chat-connection';
import { type Strings, el } from './chat-dom';

type CannedReply = Pick<CannedReplyDto, 'id' | 'title' | 'body'>;

export interface CannedReplies {
  /** Picker and editor, moved into whichever conversation is open. */
  root: HTMLElement;
  reload(): Promise<void>;
}

export function cannedReplies(socket: ChatSocket, s: Strings, insert: (text: string) => void): CannedReplies {
  let replies: CannedReply[] = [];
  const root = el('div', 'chat-canned');

  const pickerId = 'chat-canned-pick';
  const pickerLabel = el('label', 'visually-hidden', s['console.canned']);
  pickerLabel.htmlFor = pickerId;
  const picker = el('select', 'form-select form-select-sm chat-canned-pick');
  picker.id = pickerId;
  const manage = el('button', 'btn btn-sm btn-outline-rock', s['console.canned.manage']);
  manage.type = 'button';
  manage.setAttribute('aria-expanded', 'false');
  manage.setAttribute('aria-controls', 'chat-canned-editor');
  const bar = el('div', 'chat-canned-bar');
  bar.append(pickerLabel, picker, manage);

  const editor = el('section', 'chat-canned-editor card card-body');
  editor.id = 'chat-canned-editor';
  editor.hidden = true;
  editor.setAttribute('aria-label', s['console.canned.manage'] ?? '');
  const list = el('ul', 'list-unstyled chat-canned-list');
  const form = el('form', 'chat-canned-form');
  form.noValidate = true;
  const titleInput = el('input', 'form-control form-control-sm');
  titleInput.id = 'chat-canned-title';
  titleInput.maxLength = CANNED_TITLE_MAX_LENGTH;
  titleInput.required = true;
  const titleLabel = el('label', 'form-label small mb-0', s['console.canned.title']);
  titleLabel.htmlFor = titleInput.id;
  const bodyInput = el('textarea', 'form-control form-control-sm');
  bodyInput.id = 'chat-canned-body';
  bodyInput.rows = 3;
  bodyInput.maxLength = CHAT_MESSAGE_MAX_LENGTH;
  bodyInput.required = true;
  const bodyLabel = el('label', 'form-label small mb-0', s['console.canned.body']);
  bodyLabel.htmlFor = bodyInput.id;
  const error = el('p', 'small text-danger mb-1');
  error.setAttribute('role', 'alert');
  const save = el('button', 'btn btn-sm btn-rock', s['console.canned.save']);
  save.type = 'submit';
  const fresh = el('button', 'btn btn-sm btn-link', s['console.canned.new']);
  fresh.type = 'button';
  const done = el('button', 'btn btn-sm btn-link', s['console.canned.close']);
  done.type = 'button';
  const actions = el('div', 'd-flex gap-2 align-items-center');
  actions.append(save, fresh, done);
  form.append(titleLabel, titleInput, bodyLabel, bodyInput, error, actions);
  editor.append(list, form);
  root.append(bar, editor);

  /** The reply being edited; undefined while writing a new one. */
  let editing: number | undefined;

  function edit(reply: CannedReply | undefined) {
    editing = reply?.id;
    titleInput.value = reply?.title ?? '';
    bodyInput.value = reply?.body ?? '';
    error.textContent = '';
    titleInput.focus();
  }

  function render() {
    picker.replaceChildren(el('option', '', s['console.canned.pick']));
    picker.firstElementChild!.setAttribute('value', '');
    for (const reply of replies) {
      const option = el('option', '', reply.title);
      option.value = String(reply.id);
      picker.append(option);
    }
    picker.disabled = replies.length === 0;
    list.replaceChildren();
    if (replies.length === 0) list.append(el('li', 'small text-body-secondary', s['console.canned.empty']));
    for (const reply of replies) {
      const item = el('li', 'chat-canned-item');
      const text = el('span', 'chat-canned-text');
      text.append(el('strong', 'd-block', reply.title), el('span', 'd-block small text-truncate', reply.body));
      const change = el('button', 'btn btn-sm btn-link', s['console.canned.edit']);
      change.type = 'button';
      change.setAttribute('aria-label', `${s['console.canned.edit'] ?? ''}: ${reply.title}`);
      change.addEventListener('click', () => edit(reply));
      const remove = el('button', 'btn btn-sm btn-link text-danger-emphasis', s['console.canned.delete']);
      remove.type = 'button';
      remove.setAttribute('aria-label', `${s['console.canned.delete'] ?? ''}: ${reply.title}`);
      remove.addEventListener('click', async () => {
        const answer = await ask(socket, 'canned:delete', { id: reply.id });
        if (answer.ok && editing === reply.id) edit(undefined);
        await reload();
      });
      item.append(text, change, remove);
      list.append(item);
    }
  }

  async function reload() {
    const answer = await ask(socket, 'canned:list');
    if (!answer.ok) return;
    replies = answer.replies;
    render();
  }

  picker.addEventListener('change', () => {
    const reply = replies.find((r) => String(r.id) === picker.value);
    picker.value = '';
    if (reply) insert(reply.body);
  });
  manage.addEventListener('click', () => {
    editor.hidden = !editor.hidden;
    manage.setAttribute('aria-expanded', String(!editor.hidden));
    if (!editor.hidden) edit(undefined);
  });
  done.addEventListener('click', () => {
    editor.hidden = true;
    manage.setAttribute('aria-expanded', 'false');
    manage.focus();
  });
  fresh.addEventListener('click', () => edit(undefined));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await ask(socket, 'canned:save', {
      ...(editing ? { id: editing } : {}),
      title: titleInput.value,
      body: bodyInput.value,
    });
    if (!answer.ok) {
      // The server names what is wrong; the field it is about gets the focus.
      const code = answer.error.code;
      error.textContent = s[`console.canned.${code}`] ?? code;
      (code === 'invalid_body' ? bodyInput : titleInput).focus();
      return;
    }
    edit(undefined);
    await reload();
  });

  render();
  return { root, reload };
}
