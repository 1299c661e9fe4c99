/**
 * The Bootstrap behaviours our pages use, instead of Bootstrap's whole bundle (~24 KB gzipped with
 * Popper): collapse (the navbar's phone menu), dropdown (the account menu) and alert (dismissible
 * flash messages). Each module registers its data-bs-* handlers on import. Popper is replaced by a
 * stub at build time (web/popper-stub.ts, scripts/build-lib.mjs): our dropdowns need none.
 */
import 'bootstrap/js/src/alert.js';
import 'bootstrap/js/src/collapse.js';
import 'bootstrap/js/src/dropdown.js';
