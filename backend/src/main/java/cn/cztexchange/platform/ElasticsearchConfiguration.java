package cn.cztexchange.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import java.util.Locale;

import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails.Node;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest_client.RestClientTransport;

/**
 * The Elasticsearch 8.19 client. Boot 4 auto-configures only the 9.x client, which an 8.x
 * server refuses, so the transport is built here from whichever
 * {@link ElasticsearchConnectionDetails} exist: the embedded local services', or
 * {@code spring.elasticsearch.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ElasticsearchProperties.class)
class ElasticsearchConfiguration {

	@Bean(destroyMethod = "close")
	RestClient elasticsearchRestClient(ObjectProvider<ElasticsearchConnectionDetails> connectionDetails,
			ElasticsearchProperties properties, ObjectProvider<SslBundles> sslBundles) {
		ElasticsearchConnectionDetails details = connectionDetails
			.getIfAvailable(() -> new PropertiesElasticsearchConnectionDetails(properties));
		List<Node> nodes = details.getNodes();
		RestClientBuilder builder = RestClient.builder(nodes.stream()
			.map((node) -> new HttpHost(node.hostname(), node.port(), node.protocol().name().toLowerCase(Locale.ROOT)))
			.toArray(HttpHost[]::new));
		builder.setRequestConfigCallback(
				(config) -> config.setConnectTimeout((int) properties.getConnectionTimeout().toMillis())
					.setSocketTimeout((int) properties.getSocketTimeout().toMillis()));
		List<Consumer<HttpAsyncClientBuilder>> clientSettings = new ArrayList<>();
		String username = firstNonEmpty(details.getUsername(), nodes.get(0).username());
		if (username != null) {
			BasicCredentialsProvider credentials = new BasicCredentialsProvider();
			credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(username,
					firstNonEmpty(details.getPassword(), nodes.get(0).password())));
			clientSettings.add((client) -> client.setDefaultCredentialsProvider(credentials));
		}
		// A cluster with a private CA (such as one run by ECK) is trusted through an SSL
		// bundle: spring.elasticsearch.restclient.ssl.bundle=<name> and
		// spring.ssl.bundle.pem.<name>.truststore.certificate=<CA file>.
		String bundle = properties.getRestclient().getSsl().getBundle();
		if (StringUtils.hasText(bundle)) {
			SSLContext sslContext = sslBundles.getObject().getBundle(bundle).createSslContext();
			clientSettings.add((client) -> client.setSSLContext(sslContext));
		}
		builder.setHttpClientConfigCallback((client) -> {
			clientSettings.forEach((setting) -> setting.accept(client));
			return client;
		});
		if (StringUtils.hasText(details.getApiKey())) {
			builder
				.setDefaultHeaders(new Header[] { new BasicHeader("Authorization", "ApiKey " + details.getApiKey()) });
		}
		if (StringUtils.hasText(details.getPathPrefix())) {
			builder.setPathPrefix(details.getPathPrefix());
		}
		return builder.build();
	}

	@Bean(destroyMethod = "close")
	ElasticsearchTransport elasticsearchTransport(RestClient restClient) {
		return new RestClientTransport(restClient, new Jackson3JsonpMapper());
	}

	/**
	 * For request paths: every call returns a future, wrapped lazily with
	 * {@code Mono.fromFuture(() -> …)}.
	 */
	@Bean
	ElasticsearchAsyncClient elasticsearchAsyncClient(ElasticsearchTransport transport) {
		return new ElasticsearchAsyncClient(transport);
	}

	/** For command-line tools and start-up work, never for request paths. */
	@Bean
	ElasticsearchClient elasticsearchClient(ElasticsearchTransport transport) {
		return new ElasticsearchClient(transport);
	}

	private static String firstNonEmpty(String first, String second) {
		return StringUtils.hasText(first) ? first : (StringUtils.hasText(second) ? second : null);
	}

}
