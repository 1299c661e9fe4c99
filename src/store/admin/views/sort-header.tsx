/**
 * A sortable column header for admin tables whose order lives in the URL: the header is a link to
 * the same page sorted by this column (ascending first, then descending on a second click), and
 * tells assistive technology how the table is sorted now (`aria-sort`). Sort values are
 * `<column>` and `<column>_desc`, the convention of every sortable admin table.
 */
import { Icon } from '../../ui/icon';

export function SortHeader({
  label,
  column,
  sort,
  href,
  end,
}: {
  label: string;
  column: string;
  /** The table's current sort value. */
  sort: string;
  /** The URL of the page sorted by the given value (keeping the other filters). */
  href: (sort: string) => string;
  /** Right-aligned (number columns). */
  end?: boolean;
}) {
  const direction = sort === column ? 'ascending' : sort === `${column}_desc` ? 'descending' : undefined;
  const next = direction === 'ascending' ? `${column}_desc` : column;
  const icon = direction === 'ascending' ? 'arrow-up-short-wide' : direction === 'descending' ? 'arrow-down-wide-short' : 'sort';
  return (
    <th scope="col" class={end ? 'text-end' : undefined} aria-sort={direction ?? 'none'}>
      <a class="admin-sort" href={href(next)} data-sort-column={column}>
        {label} <Icon name={icon} class={direction ? undefined : 'admin-sort-idle'} />
      </a>
    </th>
  );
}
