CREATE TABLE "payment_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"provider" varchar(20) NOT NULL,
	"seq" integer NOT NULL,
	"reference" varchar(50) NOT NULL,
	"external_id" varchar(255),
	"payment_ref" varchar(255),
	"redirect_url" text,
	"status" varchar(20) DEFAULT 'created' NOT NULL,
	"amount" bigint NOT NULL,
	"channel" varchar(60),
	"instructions" jsonb,
	"expires_at" timestamp with time zone NOT NULL,
	"check_after" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_attempts_amount_positive" CHECK ("payment_attempts"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"provider" varchar(20) NOT NULL,
	"event_key" varchar(200) NOT NULL,
	"attempt_id" integer,
	"order_id" integer,
	"kind" varchar(80) NOT NULL,
	"source" varchar(20) NOT NULL,
	"outcome" varchar(30) NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_provider_settings" (
	"provider" varchar(20) PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"production" boolean DEFAULT false NOT NULL,
	"secret_key_sealed" text,
	"public_key" varchar(200),
	"webhook_secret_sealed" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_flag" varchar(30);--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_attempt_id_payment_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."payment_attempts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_attempts_reference_idx" ON "payment_attempts" USING btree ("provider","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_attempts_order_seq_idx" ON "payment_attempts" USING btree ("order_id","seq");--> statement-breakpoint
CREATE INDEX "payment_attempts_external_idx" ON "payment_attempts" USING btree ("provider","external_id");--> statement-breakpoint
CREATE INDEX "payment_attempts_payment_ref_idx" ON "payment_attempts" USING btree ("provider","payment_ref");--> statement-breakpoint
CREATE INDEX "payment_attempts_check_idx" ON "payment_attempts" USING btree ("check_after") WHERE "payment_attempts"."status" IN ('created', 'pending', 'review');--> statement-breakpoint
CREATE UNIQUE INDEX "payment_events_key_idx" ON "payment_events" USING btree ("provider","event_key");--> statement-breakpoint
CREATE INDEX "payment_events_order_idx" ON "payment_events" USING btree ("order_id","received_at");