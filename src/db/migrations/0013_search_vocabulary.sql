CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL,
	"uses" integer NOT NULL,
	CONSTRAINT "search_words_uses_nonnegative" CHECK ("search_words"."uses" >= 0)
);
--> statement-breakpoint
-- Edit distances for typo correction (PostgreSQL contrib, and PGlite's contrib/fuzzystrmatch).
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
--> statement-breakpoint
-- The words of a text the way the search folds a query: unaccented, lower case, split on anything
-- that is not a letter or digit ("Electro-Harmonix" → electro, harmonix), each word once.
CREATE OR REPLACE FUNCTION hr_search_words(text) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT DISTINCT w FROM regexp_split_to_table(lower(public.hr_unaccent($1)), '[^[:alnum:]]+') AS w WHERE w <> '' $$;
--> statement-breakpoint
-- One row's words changed from `before` to `after` (NULL: the row is new, or gone): count the words
-- it gained, uncount the ones it lost, delete the words nothing uses any more. Words are taken in
-- order so concurrent writers lock shared words in the same order.
CREATE OR REPLACE FUNCTION hr_count_search_words(before text, after text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF before IS NOT DISTINCT FROM after THEN
    RETURN;
  END IF;
  INSERT INTO public.search_words (word, uses)
    SELECT w, 1 FROM (SELECT public.hr_search_words(after) EXCEPT SELECT public.hr_search_words(before)) AS gained(w)
    ORDER BY w
    ON CONFLICT (word) DO UPDATE SET uses = search_words.uses + 1;
  UPDATE public.search_words s SET uses = s.uses - 1
    FROM (SELECT public.hr_search_words(before) EXCEPT SELECT public.hr_search_words(after)) AS lost(w)
    WHERE s.word = lost.w;
  DELETE FROM public.search_words WHERE uses <= 0 AND word IN (SELECT public.hr_search_words(before));
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hr_products_search_words() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM public.hr_count_search_words(NULL, concat_ws(' ', NEW.name, NEW.brand, NEW.model));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM public.hr_count_search_words(concat_ws(' ', OLD.name, OLD.brand, OLD.model), NULL);
  ELSE
    PERFORM public.hr_count_search_words(concat_ws(' ', OLD.name, OLD.brand, OLD.model), concat_ws(' ', NEW.name, NEW.brand, NEW.model));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hr_categories_search_words() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM public.hr_count_search_words(NULL, NEW.name);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM public.hr_count_search_words(OLD.name, NULL);
  ELSE
    PERFORM public.hr_count_search_words(OLD.name, NEW.name);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The whole vocabulary from scratch: at this migration, and after a TRUNCATE (which fires no row triggers).
CREATE OR REPLACE FUNCTION hr_rebuild_search_words() RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM public.search_words;
  INSERT INTO public.search_words (word, uses)
    SELECT w, count(*) FROM (
      SELECT public.hr_search_words(concat_ws(' ', name, brand, model)) AS w FROM public.products
      UNION ALL
      SELECT public.hr_search_words(name) FROM public.categories
    ) AS words
    GROUP BY w ORDER BY w;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hr_rebuild_search_words_trigger() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM public.hr_rebuild_search_words();
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Stock, price and sales updates do not touch these columns, so checkout never runs these triggers.
CREATE TRIGGER "products_search_words" AFTER INSERT OR DELETE OR UPDATE OF "name", "brand", "model" ON "products"
  FOR EACH ROW EXECUTE FUNCTION hr_products_search_words();
--> statement-breakpoint
CREATE TRIGGER "categories_search_words" AFTER INSERT OR DELETE OR UPDATE OF "name" ON "categories"
  FOR EACH ROW EXECUTE FUNCTION hr_categories_search_words();
--> statement-breakpoint
CREATE TRIGGER "products_search_words_truncate" AFTER TRUNCATE ON "products"
  FOR EACH STATEMENT EXECUTE FUNCTION hr_rebuild_search_words_trigger();
--> statement-breakpoint
CREATE TRIGGER "categories_search_words_truncate" AFTER TRUNCATE ON "categories"
  FOR EACH STATEMENT EXECUTE FUNCTION hr_rebuild_search_words_trigger();
--> statement-breakpoint
SELECT hr_rebuild_search_words();
