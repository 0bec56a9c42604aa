-- The published content's titles and summaries as the search analysis reads them
-- (cn.cztexchange.text.AnalysedText), worked out when the content is published so that
-- indexing and rebuilds only copy it. Null or of an older analysis version: the indexer
-- analyses the content itself, so rows written before this column need no backfill.
ALTER TABLE catalog_entries ADD COLUMN published_text jsonb;
