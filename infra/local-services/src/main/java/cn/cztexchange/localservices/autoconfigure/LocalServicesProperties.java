package cn.cztexchange.localservices.autoconfigure;

import cn.cztexchange.localservices.LocalServicesSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the embedded PostgreSQL and Elasticsearch
 * ({@code czt.local-services.*}). Each property can also be given as an environment
 * variable, e.g. {@code CZT_LOCAL_SERVICES_POSTGRES_PORT=25432}.
 *
 * <p>
 * The embedded PostgreSQL is only started when {@code spring.r2dbc.url} is not set, the
 * embedded Elasticsearch only when {@code spring.elasticsearch.uris} is not set:
 * configuring an external server replaces the embedded one.
 *
 * @param enabled Whether to start embedded servers at all; false leaves all connection
 * settings to the {@code spring.*} properties
 * @param dataDir Where distributions, databases, indices and logs are kept between runs;
 * defaults to {@code ~/.czt-exchange/local-services}, outside the build tree so that
 * {@code clean} keeps the data
 * @param postgresPort TCP port of the embedded PostgreSQL on 127.0.0.1; 0 picks a free
 * port
 * @param elasticsearchPort HTTP port of the embedded Elasticsearch on 127.0.0.1; 0 picks
 * a free port
 * @param elasticsearchHeap JVM heap of the embedded Elasticsearch (-Xms and -Xmx), e.g.
 * 512m or 1g
 * @param durable Whether PostgreSQL data must survive a machine crash; false runs it with
 * fsync, synchronous_commit and full_page_writes off, which is faster and fine for tests
 * @param startTimeout How long each server may take to become healthy before startup
 * fails
 * @param mavenRepository Remote Maven repository to download the server distributions
 * from when the local Maven repository does not have them
 * @param minFreeDisk Refuse to start when the data directory's disk has less free space
 * than this
 */
@ConfigurationProperties("czt.local-services")
public record LocalServicesProperties(@DefaultValue("true") boolean enabled, Path dataDir,
		@DefaultValue("15432") int postgresPort, @DefaultValue("19200") int elasticsearchPort,
		@DefaultValue("512m") String elasticsearchHeap, @DefaultValue("true") boolean durable,
		@DefaultValue("120s") Duration startTimeout,
		@DefaultValue("https://repo.maven.apache.org/maven2/") URI mavenRepository,
		@DefaultValue("2GB") DataSize minFreeDisk) {

	public LocalServicesProperties {
		// Not a @DefaultValue: it depends on the user's home directory.
		dataDir = dataDir == null ? LocalServicesSettings.defaultDataDirectory() : dataDir;
	}

	/** The same configuration for the plain-Java API. */
	public LocalServicesSettings toSettings() {
		return new LocalServicesSettings(dataDir, postgresPort, elasticsearchPort, elasticsearchHeap, durable,
				startTimeout, mavenRepository, minFreeDisk.toBytes());
	}
}
