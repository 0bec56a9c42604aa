package cn.cztexchange.localservices;

import java.net.URI;

/**
 * Where the local Elasticsearch listens (plain HTTP, security disabled).
 *
 * @param host the loopback address the server listens on
 * @param port its HTTP port
 */
public record ElasticsearchEndpoint(String host, int port) {

	/** Base URI of the REST API, e.g. {@code http://127.0.0.1:19200}. */
	public URI httpUri() {
		return URI.create("http://" + host + ":" + port);
	}
}
