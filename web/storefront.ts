/**
 * Every storefront page's behaviours as one module (one request instead of six; on HTTP/1.1 a
 * phone's six connections were all busy with them while the page's main picture waited):
 * Bootstrap's collapse, dropdown and alert, the theme toggle, search suggestions, the catalogue's
 * filters, add-to-cart and the chat button. Each part checks for its own elements, so importing
 * them all on every page costs a few KB, not errors. Pages that need more (gallery, checkout…)
 * add their own modules (Layout's `scripts`).
 */
import './bootstrap';
import './theme';
import './search';
import './catalog';
import './cart';
import './chat-launcher';
