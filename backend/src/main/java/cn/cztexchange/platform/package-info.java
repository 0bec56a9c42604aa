/**
 * Cross-cutting plumbing every feature stands on: problem details for errors, request
 * limits, serving the web app, the Elasticsearch client, database migrations, ids and the
 * clock.
 */
package cn.cztexchange.platform;
