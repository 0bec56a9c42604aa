/**
 * Local PostgreSQL 17 and Elasticsearch 8.19 for development and tests, provisioned from
 * Maven artifacts and run as child processes on 127.0.0.1.
 *
 * <p>
 * Plain Java:
 *
 * <pre>{@code
 * LocalServices services = LocalServices.acquire(LocalServicesSettings.forTests(Path.of("target/local")));
 * try {
 *   String jdbcUrl = services.postgres().jdbcUrl();
 *   URI elasticsearch = services.elasticsearch().httpUri();
 *   ...
 * } finally {
 *   services.release();
 * }
 * }</pre>
 *
 * <p>
 * In a Spring Boot application the auto-configuration in {@code .autoconfigure} does this
 * and publishes the servers as {@code ConnectionDetails} beans;
 * {@code czt.local-services.*} configures it. Neither server runs as root: run as an
 * ordinary user or configure external servers.
 */
package cn.cztexchange.localservices;
