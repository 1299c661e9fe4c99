/**
 * Grows the seeded sample catalogue to `target` products for benchmarks: copies of the sample
 * instruments with numbered names, slugs and SKUs, varied prices and stock, spread over the same
 * categories. Each copy reuses one image row of its original under a new storage key that points
 * at no file (the benchmark measures pages and queries, not image serving).
 */
import pg from 'pg';

export async function fillCatalog(url: string, target: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM products');
    const existing = Number(rows[0]!.n);
    const copiesPerProduct = Math.ceil(Math.max(0, target - existing) / existing);
    await client.query('BEGIN');
    // The search vocabulary's row trigger counts each copy's words one row at a time: the same few
    // words ("fender", "gitar") updated tens of thousands of times in one transaction, each update
    // slower than the last. Off for the copy, the vocabulary rebuilt once after it.
    await client.query('ALTER TABLE products DISABLE TRIGGER products_search_words');
    // Which product each copy is made from, and its number: the copies' images are then found by
    // slug (an index lookup) instead of matching every slug against every other (quadratic: at
    // 100 000 products that took longer than the benchmark).
    await client.query(
      `CREATE TEMP TABLE copy_source ON COMMIT DROP AS
       SELECT p.id AS original_id, g FROM (SELECT id FROM products ORDER BY id) p CROSS JOIN generate_series(1, $1::int) g
       LIMIT $2::int`,
      [copiesPerProduct, Math.max(0, target - existing)],
    );
    await client.query(
      `INSERT INTO products (category_id, supplier_id, name, slug, sku, brand, model, description, price, stock,
         min_stock, low_stock_threshold, weight_grams, length_cm, width_cm, height_cm, is_featured, is_active, sold_count,
         created_at, updated_at)
       SELECT p.category_id, p.supplier_id, p.name || ' #' || g, p.slug || '-' || g, p.sku || '-' || g, p.brand, p.model, p.description,
              p.price + (g % 50) * 10000, (p.stock + g) % 25, p.min_stock, p.low_stock_threshold, p.weight_grams, p.length_cm,
              p.width_cm, p.height_cm, false, true, (p.sold_count * g) % 97, p.created_at - g * interval '1 minute', now()
       FROM copy_source c JOIN products p ON p.id = c.original_id`,
    );
    await client.query(
      `INSERT INTO product_images (product_id, storage_key, alt, position, is_main, sizes)
       SELECT copy.id, md5(copy.slug), i.alt, 0, true, i.sizes
       FROM copy_source c
       JOIN products o ON o.id = c.original_id
       JOIN products copy ON copy.slug = o.slug || '-' || c.g
       JOIN product_images i ON i.product_id = o.id AND i.position = 0`,
    );
    await client.query('ALTER TABLE products ENABLE TRIGGER products_search_words');
    await client.query('SELECT hr_rebuild_search_words()');
    await client.query('COMMIT');
    await client.query('ANALYZE');
    const after = await client.query<{ n: string }>('SELECT count(*) AS n FROM products');
    return Number(after.rows[0]!.n);
  } finally {
    await client.end();
  }
}
