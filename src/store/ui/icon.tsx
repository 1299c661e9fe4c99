/** A Font Awesome icon, hidden from screen readers (the surrounding text or label says what it is). */
export function Icon({ name, style = 'solid', class: extra }: { name: string; style?: 'solid' | 'brands' | 'regular'; class?: string }) {
  return <i class={`fa-${style} fa-${name}${extra ? ` ${extra}` : ''}`} aria-hidden="true" />;
}
