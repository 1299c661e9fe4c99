/**
 * Stands in for @popperjs/core (~7 KB gzipped) in Bootstrap's dropdown: every dropdown of ours is
 * positioned by CSS alone, Bootstrap's `[data-bs-popper]` rules: the account menu sits in the
 * storefront's navbar (where Bootstrap never positions with Popper) or has
 * data-bs-display="static" (the back office's top bar). Bootstrap still creates a Popper
 * instance and calls update/destroy on it, so this returns one that does nothing.
 */
export function createPopper() {
  return { update() {}, destroy() {}, setOptions() {}, forceUpdate() {}, state: {} };
}
