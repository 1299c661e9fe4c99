/**
 * Tabs between the pages of one admin section (stock: alerts / restock orders; settings: shop /
 * store profile): links, the current one marked for assistive technology too.
 */
export interface AdminTab<K extends string> {
  key: K;
  href: string;
  label: string;
}

export function AdminTabs<K extends string>(props: { label: string; class: string; current: K; tabs: readonly AdminTab<K>[] }) {
  return (
    <nav aria-label={props.label} class={props.class}>
      <ul class="nav nav-tabs">
        {props.tabs.map((tab) => (
          <li class="nav-item" key={tab.key}>
            <a
              class={`nav-link${tab.key === props.current ? ' active' : ''}`}
              href={tab.href}
              aria-current={tab.key === props.current ? 'page' : undefined}
            >
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
