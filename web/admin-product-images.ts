/**
 * Product images, enhanced: a drop zone over the plain upload form, a preview and a progress bar
 * per file, each file sent on its own (same form, same CSRF field, `Accept: application/json`).
 * Without this script the form still uploads everything at once and the page answers.
 * The uploaded images can then be put in order by dragging (admin-image-order.ts).
 */
import { setupImageOrder } from './admin-image-order';

interface UploadAnswer {
  ok: boolean;
  added?: number;
  refused?: { filename: string; message: string }[];
  message?: string;
}

function setup(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[type="file"]');
  const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]');
  if (!input || !csrf) return;
  const text = (name: string) => form.dataset[name] ?? '';

  const zone = document.createElement('div');
  zone.className = 'admin-dropzone';
  zone.textContent = text('dropText');
  // A mouse target only: keyboard and screen-reader users have the file input right below it.
  zone.setAttribute('aria-hidden', 'true');
  zone.addEventListener('click', () => input.click());
  input.before(zone);
  const list = document.createElement('ul');
  list.className = 'admin-upload-list';
  list.setAttribute('aria-live', 'polite');
  form.append(list);

  for (const type of ['dragenter', 'dragover'] as const) {
    zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add('is-over');
    });
  }
  for (const type of ['dragleave', 'drop'] as const) {
    zone.addEventListener(type, () => zone.classList.remove('is-over'));
  }
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    if (event.dataTransfer?.files.length) {
      input.files = event.dataTransfer.files;
      input.dispatchEvent(new Event('change'));
    }
  });

  let rows: { file: File; progress: HTMLProgressElement; status: HTMLElement }[] = [];
  input.addEventListener('change', () => {
    list.replaceChildren();
    rows = [...(input.files ?? [])].map((file) => {
      const item = document.createElement('li');
      item.className = 'admin-upload-item';
      const img = document.createElement('img');
      img.alt = '';
      img.width = 64;
      img.height = 64;
      if (file.type.startsWith('image/')) img.src = URL.createObjectURL(file);
      const name = document.createElement('span');
      name.className = 'admin-upload-name';
      name.textContent = file.name;
      const progress = document.createElement('progress');
      progress.max = 100;
      progress.value = 0;
      progress.setAttribute('aria-label', file.name);
      const status = document.createElement('span');
      status.className = 'admin-upload-status';
      item.append(img, name, progress, status);
      list.append(item);
      return { file, progress, status };
    });
  });

  function send(row: (typeof rows)[number]): Promise<boolean> {
    return new Promise((resolve) => {
      const data = new FormData();
      data.append('_csrf', csrf!.value);
      data.append('images', row.file, row.file.name);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) row.progress.value = Math.round((event.loaded / event.total) * 100);
      });
      xhr.addEventListener('load', () => {
        let answer: UploadAnswer = { ok: false };
        try {
          answer = JSON.parse(xhr.responseText) as UploadAnswer;
        } catch {
          // Not JSON (an error page): counted as failed below.
        }
        row.progress.value = 100;
        const ok = xhr.status < 300 && answer.ok;
        row.status.textContent = ok ? text('doneText') : (answer.refused?.[0]?.message ?? answer.message ?? text('failedText'));
        row.status.classList.add(ok ? 'text-success' : 'text-danger');
        resolve(ok);
      });
      xhr.addEventListener('error', () => {
        row.status.textContent = text('failedText');
        row.status.classList.add('text-danger');
        resolve(false);
      });
      xhr.send(data);
    });
  }

  form.addEventListener('submit', async (event) => {
    if (rows.length === 0) return;
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) button.disabled = true;
    let allOk = true;
    for (const row of rows) allOk = (await send(row)) && allOk;
    if (allOk) {
      window.location.reload();
      return;
    }
    if (button) button.disabled = false;
    const reload = document.createElement('a');
    reload.href = window.location.pathname;
    reload.textContent = text('reloadText');
    list.append(reload);
  });
}

document.querySelectorAll<HTMLFormElement>('form[data-image-upload]').forEach(setup);
document.querySelectorAll<HTMLOListElement>('ol[data-order-url]').forEach(setupImageOrder);
