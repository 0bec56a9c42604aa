/**
 * Search over the catalogue: the Elasticsearch index behind the {@code catalog} alias,
 * and the indexer that keeps it in step with PostgreSQL through the transactional outbox.
 */
package cn.cztexchange.search;
