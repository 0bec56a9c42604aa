/**
 * Spring Boot auto-configuration that starts the local servers unless external ones are
 * configured ({@code spring.r2dbc.url}, {@code spring.elasticsearch.uris}) and publishes
 * them as R2DBC, Flyway, JDBC and Elasticsearch {@code ConnectionDetails}.
 */
package cn.cztexchange.localservices.autoconfigure;
