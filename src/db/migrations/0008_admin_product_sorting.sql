CREATE INDEX "products_created_idx" ON "products" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "products_name_sort_idx" ON "products" USING btree (lower("name") COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "products_stock_idx" ON "products" USING btree ("stock");