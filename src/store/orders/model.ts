/** The orders area's pure rules as other areas may use them: the JSON API shows the same tracking link as the order page. */
export { trackingUrl } from './tracking';
