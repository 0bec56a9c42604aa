package cn.cztexchange.localservices.autoconfigure;

import cn.cztexchange.localservices.ElasticsearchEndpoint;
import java.util.List;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;

/** The embedded Elasticsearch node: plain HTTP, no credentials (security is off). */
final class EmbeddedElasticsearchConnectionDetails implements ElasticsearchConnectionDetails {

	private final ElasticsearchEndpoint endpoint;

	EmbeddedElasticsearchConnectionDetails(ElasticsearchEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@Override
	public List<Node> getNodes() {
		return List.of(new Node(endpoint.host(), endpoint.port(), Node.Protocol.HTTP));
	}

}
