/**
 * Download progress for the report's exports: the link is fetched and read chunk by chunk
 * (ReadableStream reader), the bytes received shown in a <progress> and a status line, then the
 * file is saved through a blob link with the server's filename. The exports are streamed while
 * they are written, so their size is not known in advance: the bar is indeterminate and the text
 * counts bytes. Without JavaScript, or if fetch fails to start, the plain link still downloads.
 */
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

function size(bytes: number, locale: string): string {
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${n.format(bytes / 1024)} KB` : `${n.format(bytes / (1024 * 1024))} MB`;
}

/** The filename the server gave (`attachment; filename="…"`), or the link's last path segment. */
function filenameOf(response: Response, link: HTMLAnchorElement): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? link.pathname.split('/').pop() ?? 'download';
}

export function enhanceDownloads() {
  const section = document.querySelector<HTMLElement>('.rep-exports');
  const status = section?.querySelector<HTMLElement>('[data-export-status]');
  const progressBox = section?.querySelector<HTMLElement>('[data-export-progress]');
  if (!section || !status || !progressBox || !('ReadableStream' in window)) return;
  const locale = document.documentElement.lang || 'id';
  const texts = section.dataset;
  let busy = false;

  section.addEventListener('click', async (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-export]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    const file = link.textContent?.trim() ?? '';
    progressBox.hidden = false;
    status.textContent = fill(texts.progressText ?? '', { file, size: size(0, locale) });
    section.dataset.downloading = 'true';
    try {
      const response = await fetch(link.href, { credentials: 'same-origin' });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        status.textContent = fill(texts.progressText ?? '', { file, size: size(received, locale) });
      }
      const blob = new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const save = document.createElement('a');
      save.href = url;
      save.download = filenameOf(response, link);
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      status.textContent = fill(texts.doneText ?? '', { file, size: size(received, locale) });
      section.dataset.downloaded = save.download;
    } catch {
      status.textContent = fill(texts.failedText ?? '', { file });
    } finally {
      progressBox.hidden = true;
      busy = false;
      delete section.dataset.downloading;
    }
  });
}
