/**
 * Product gallery enhancement. The server renders a scroll-snapping strip of photos (native touch
 * swipe) with thumbnail links to `#foto-N`, which works without JavaScript. Here the thumbnails
 * become buttons, arrows and a counter appear, and ←/→ change the photo while the gallery has
 * focus. The current photo follows the strip's scroll position, so a swipe updates everything.
 */
const SCROLL_SETTLE_MS = 120;

function enhance(gallery: HTMLElement): void {
  const track = gallery.querySelector<HTMLElement>('[data-gallery-track]');
  const slides = [...gallery.querySelectorAll<HTMLElement>('[data-gallery-slide]')];
  if (!track || slides.length < 2) return;
  const counter = gallery.querySelector<HTMLElement>('[data-gallery-counter]');
  const prev = gallery.querySelector<HTMLButtonElement>('[data-gallery-prev]');
  const next = gallery.querySelector<HTMLButtonElement>('[data-gallery-next]');
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  // Links to #foto-N would also scroll the page; buttons change the photo in place.
  const thumbs = [...gallery.querySelectorAll<HTMLAnchorElement>('a[data-gallery-thumb]')].map((link, i) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = link.className;
    button.setAttribute('data-gallery-thumb', '');
    button.setAttribute('aria-label', link.getAttribute('aria-label') ?? '');
    button.append(...link.childNodes);
    button.addEventListener('click', () => show(i));
    link.replaceWith(button);
    return button;
  });

  let current = 0;

  function render(): void {
    thumbs.forEach((thumb, i) => {
      if (i === current) thumb.setAttribute('aria-current', 'true');
      else thumb.removeAttribute('aria-current');
    });
    // Photos out of view are inert, so Tab does not land on an invisible zoom link.
    slides.forEach((slide, i) => {
      slide.inert = i !== current;
    });
    if (counter) counter.textContent = `${current + 1} / ${slides.length}`;
    gallery.dataset.current = String(current);
  }

  /**
   * The photo a button or key asked for while the strip scrolls there: until it arrives (or the
   * visitor takes over with a swipe or wheel), a settled in-between position must not override it.
   */
  let target: number | undefined;

  function show(index: number): void {
    // Wraps around: "next" on the last photo goes back to the first.
    current = (index + slides.length) % slides.length;
    target = current;
    // Every photo is exactly as wide as the strip.
    track!.scrollTo({ left: current * track!.clientWidth, behavior: reduceMotion ? 'auto' : 'smooth' });
    render();
  }

  // A swipe (or a scroll with a trackpad) ends on a snapped photo: adopt it once scrolling settles.
  let settle: number | undefined;
  track.addEventListener(
    'scroll',
    () => {
      window.clearTimeout(settle);
      settle = window.setTimeout(() => {
        const index = Math.round(track.scrollLeft / Math.max(1, track.clientWidth));
        if (target !== undefined) {
          if (index === target) target = undefined;
          return;
        }
        if (index !== current && index >= 0 && index < slides.length) {
          current = index;
          render();
        }
      }, SCROLL_SETTLE_MS);
    },
    { passive: true },
  );

  for (const type of ['pointerdown', 'touchstart', 'wheel'] as const) {
    track.addEventListener(type, () => (target = undefined), { passive: true });
  }

  gallery.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      show(current + (event.key === 'ArrowRight' ? 1 : -1));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      show(event.key === 'Home' ? 0 : slides.length - 1);
    }
  });

  prev?.addEventListener('click', () => show(current - 1));
  next?.addEventListener('click', () => show(current + 1));
  if (prev) prev.hidden = false;
  if (next) next.hidden = false;

  // Arriving with #foto-N (a shared link, or a thumbnail clicked before this script ran).
  const fromHash = slides.findIndex((slide) => `#${slide.id}` === location.hash);
  current = Math.max(fromHash, 0);
  if (current > 0) track.scrollLeft = current * track.clientWidth;
  gallery.classList.add('is-enhanced');
  render();
}

for (const gallery of document.querySelectorAll<HTMLElement>('[data-gallery]')) enhance(gallery);
