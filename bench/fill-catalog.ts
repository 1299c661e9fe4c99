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
    await client.query(
      `INSERT INTO products (category_id, supplier_id, name, slug, sku, brand, model, description, price, stock,
         min_stock, low_stock_threshold, weight_grams, length_cm, width_cm, height_cm, is_featured, is_active, sold_count,
         created_at, updated_at)
       SELECT p.category_id, p.supplier_id, p.name || ' #' || g, p.slug || '-' || g, p.sku || '-' || g, p.brand, p.model, p.description,
              p.price + (g % 50) * 10000, (p.stock + g) % 25, p.min_stock, p.low_stock_threshold, p.weight_grams, p.length_cm,
              p.width_cm, p.height_cm, false, true, (p.sold_count * g) % 97, p.created_at - g * interval '1 minute', now()
       FROM (SELECT * FROM products ORDER BY id) p CROSS JOIN generate_series(1, $1::int) g
       LIMIT $2::int`,
      [copiesPerProduct, Math.max(0, target - existing)],
    );
    await client.query(
      `INSERT INTO product_images (product_id, storage_key, alt, position, is_main, sizes)
       SELECT DISTINCT ON (c.id) c.id, md5(c.slug), i.alt, 0, true, i.sizes
       FROM products c
       JOIN products o ON c.slug LIKE o.slug || '-%' AND c.sku LIKE o.sku || '-%'
       JOIN product_images i ON i.product_id = o.id AND i.position = 0
       WHERE NOT EXISTS (SELECT 1 FROM product_images x WHERE x.product_id = c.id)
       ORDER BY c.id, length(o.slug) DESC`,
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    const after = await client.query<{ n: string }>('SELECT count(*) AS n FROM products');
    return Number(after.rows[0]!.n);
  } finally {
    await client.end();
  }
}
