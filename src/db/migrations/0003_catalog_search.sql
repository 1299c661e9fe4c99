-- Typo- and accent-tolerant catalog search, the same SQL on PGlite and PostgreSQL.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change); naming the dictionary makes this
-- wrapper safe to declare IMMUTABLE, so generated columns and indexes can use it.
CREATE OR REPLACE FUNCTION hr_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- Lower-cased, accent-free text of the fields a customer types: trigram similarity runs on it.
ALTER TABLE "products" ADD COLUMN "search_text" text
  GENERATED ALWAYS AS (lower(hr_unaccent("name" || ' ' || "brand" || ' ' || "model" || ' ' || "sku"))) STORED;
--> statement-breakpoint
-- Full-text document: name, brand and model weigh most, the description least.
ALTER TABLE "products" ADD COLUMN "search_document" tsvector
  GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', hr_unaccent("name")), 'A') ||
    setweight(to_tsvector('simple', hr_unaccent("brand" || ' ' || "model")), 'A') ||
    setweight(to_tsvector('simple', hr_unaccent("description")), 'C')
  ) STORED;
--> statement-breakpoint
CREATE INDEX "products_search_text_trgm_idx" ON "products" USING gin ("search_text" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "products_search_document_idx" ON "products" USING gin ("search_document");
--> statement-breakpoint
CREATE INDEX "categories_name_trgm_idx" ON "categories" USING gin (lower(hr_unaccent("name")) gin_trgm_ops);
