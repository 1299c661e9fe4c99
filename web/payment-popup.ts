/**
 * The order page's "pay" form opens Midtrans' own popup (snap.js from Midtrans' host, allowed by
 * this page's CSP only) instead of leaving the shop. Without JavaScript, when the script cannot
 * load, or for another method, the form does what it always does: a redirect to the payment page.
 * The popup's callbacks only bring the customer back to the order page, which asks Midtrans
 * itself: nothing here decides whether the order is paid.
 */
interface SnapCallbacks {
  onSuccess?: (result: unknown) => void;
  onPending?: (result: unknown) => void;
  onError?: (result: unknown) => void;
  onClose?: () => void;
}
type SnapWindow = Window & { snap?: { pay(token: string, callbacks: SnapCallbacks): void } };

interface StartAnswer {
  token?: string;
  redirectUrl?: string;
  finishUrl?: string;
  redirect?: string;
}

/** Midtrans' snap.js once per page; rejects when it does not load within a few seconds. */
let snapLoading: Promise<void> | undefined;
function loadSnap(src: string, clientKey: string): Promise<void> {
  if ((window as SnapWindow).snap) return Promise.resolve();
  snapLoading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.dataset.clientKey = clientKey;
    const timer = setTimeout(() => reject(new Error('snap.js took too long')), 8000);
    script.onload = () => {
      clearTimeout(timer);
      resolve();
    };
    script.onerror = () => {
      clearTimeout(timer);
      reject(new Error('snap.js did not load'));
    };
    document.head.append(script);
  }).catch((error: unknown) => {
    snapLoading = undefined;
    throw error;
  });
  return snapLoading;
}

const form = document.querySelector<HTMLFormElement>('form[data-payment-form][data-snap-src]');
if (form) {
  const src = form.dataset.snapSrc!;
  const clientKey = form.dataset.snapClientKey ?? '';
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  form.addEventListener('submit', async (event) => {
    const data = new FormData(form);
    if (data.get('metode') !== 'midtrans') return;
    event.preventDefault();
    if (button) button.disabled = true;
    let answer: StartAnswer;
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams(data as unknown as Record<string, string>),
      });
      answer = (await response.json()) as StartAnswer;
      if (!answer.token) {
        window.location.href = answer.redirect ?? window.location.href;
        return;
      }
    } catch {
      form.submit(); // no answer we can use: the plain form (a redirect) still works
      return;
    }
    const back = () => {
      window.location.href = answer.finishUrl!;
    };
    try {
      await loadSnap(src, clientKey);
      (window as SnapWindow).snap!.pay(answer.token!, {
        onSuccess: back,
        onPending: back,
        onError: back,
        onClose: () => {
          if (button) button.disabled = false;
        },
      });
    } catch {
      // snap.js blocked or unreachable: the same payment on Midtrans' page.
      window.location.href = answer.redirectUrl!;
    }
  });
}

export {};
