CREATE INDEX "products_created_idx" ON "products" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "products_name_sort_idx" ON "products" USING btree (lower("name") COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "products_stock_idx" ON "products" USING btree ("stock");--> statement-breakpoint
-- The couriers a new shop starts with (typical Bandung rates), once per database: base data, not
-- sample data, so a fresh install without sample products can sell and ship at once. Staff change
-- rates or switch services off in /admin/pengiriman; a deleted service never comes back.
INSERT INTO "shipping_services" ("code", "courier", "name", "base_price", "price_per_kg", "volume_divisor", "min_days", "max_days", "tracking_url_template", "position") VALUES
  ('jne_reg', 'JNE', 'JNE Reguler', 15000, 5000, 6000, 2, 4, 'https://www.jne.co.id/tracking-package?awb={awb}', 0),
  ('jne_yes', 'JNE', 'JNE YES (Yakin Esok Sampai)', 32000, 14000, 6000, 1, 1, 'https://www.jne.co.id/tracking-package?awb={awb}', 1),
  ('jnt_ez', 'J&T', 'J&T Express EZ', 14000, 5000, 6000, 2, 4, 'https://jet.co.id/track?awb={awb}', 2),
  ('sicepat_reg', 'SiCepat', 'SiCepat REG', 13000, 4500, 6000, 2, 3, 'https://www.sicepat.com/checkAwb?awb={awb}', 3),
  ('sicepat_best', 'SiCepat', 'SiCepat BEST', 27000, 11000, 6000, 1, 1, 'https://www.sicepat.com/checkAwb?awb={awb}', 4),
  ('pos_kilat', 'POS Indonesia', 'POS Kilat Khusus', 12000, 4000, 6000, 3, 5, 'https://www.posindonesia.co.id/id/tracking?barcode={awb}', 5)
ON CONFLICT ("code") DO NOTHING;
