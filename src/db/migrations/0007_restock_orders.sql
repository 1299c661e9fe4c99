CREATE TYPE "public"."restock_status" AS ENUM('draft', 'ordered', 'received', 'cancelled');--> statement-breakpoint
CREATE TABLE "restock_order_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"restock_order_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"quantity_ordered" integer NOT NULL,
	"quantity_received" integer DEFAULT 0 NOT NULL,
	"unit_cost" bigint NOT NULL,
	CONSTRAINT "restock_order_lines_quantity_positive" CHECK ("restock_order_lines"."quantity_ordered" > 0),
	CONSTRAINT "restock_order_lines_received_range" CHECK ("restock_order_lines"."quantity_received" >= 0 AND "restock_order_lines"."quantity_received" <= "restock_order_lines"."quantity_ordered"),
	CONSTRAINT "restock_order_lines_cost_nonnegative" CHECK ("restock_order_lines"."unit_cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "restock_orders" (
	"id" serial PRIMARY KEY NOT NULL,
	"supplier_id" integer NOT NULL,
	"status" "restock_status" DEFAULT 'draft' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ordered_at" timestamp with time zone,
	"received_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "stock_movements" ADD COLUMN "restock_order_id" integer;--> statement-breakpoint
ALTER TABLE "restock_order_lines" ADD CONSTRAINT "restock_order_lines_restock_order_id_restock_orders_id_fk" FOREIGN KEY ("restock_order_id") REFERENCES "public"."restock_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restock_order_lines" ADD CONSTRAINT "restock_order_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restock_orders" ADD CONSTRAINT "restock_orders_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restock_orders" ADD CONSTRAINT "restock_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "restock_order_lines_product_uq" ON "restock_order_lines" USING btree ("restock_order_id","product_id");--> statement-breakpoint
CREATE INDEX "restock_orders_status_idx" ON "restock_orders" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "restock_orders_supplier_idx" ON "restock_orders" USING btree ("supplier_id");--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_restock_order_id_restock_orders_id_fk" FOREIGN KEY ("restock_order_id") REFERENCES "public"."restock_orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stock_movements_restock_idx" ON "stock_movements" USING btree ("restock_order_id");