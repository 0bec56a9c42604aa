package cn.cztexchange.platform;

import java.net.URI;
import java.util.List;

import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchProperties;

/**
 * Connection details read from {@code spring.elasticsearch.*}, used when nothing else
 * (such as the embedded local services) published any. Boot's own equivalent lives in the
 * auto-configuration for the 9.x client, which this application cannot use.
 */
record PropertiesElasticsearchConnectionDetails(
		ElasticsearchProperties properties) implements ElasticsearchConnectionDetails {

	@Override
	public List<Node> getNodes() {
		return this.properties.getUris().stream().map(PropertiesElasticsearchConnectionDetails::toNode).toList();
	}

	@Override
	public String getUsername() {
		return this.properties.getUsername();
	}

	@Override
	public String getPassword() {
		return this.properties.getPassword();
	}

	@Override
	public String getApiKey() {
		return this.properties.getApiKey();
	}

	@Override
	public String getPathPrefix() {
		return this.properties.getPathPrefix();
	}

	private static Node toNode(String uri) {
		URI parsed = URI.create(uri);
		Node.Protocol protocol = "https".equalsIgnoreCase(parsed.getScheme()) ? Node.Protocol.HTTPS
				: Node.Protocol.HTTP;
		int port = (parsed.getPort() != -1) ? parsed.getPort() : (protocol == Node.Protocol.HTTPS ? 443 : 80);
		String username = null;
		String password = null;
		if (parsed.getUserInfo() != null) {
			String[] parts = parsed.getUserInfo().split(":", 2);
			username = parts[0];
			password = (parts.length > 1) ? parts[1] : null;
		}
		return new Node(parsed.getHost(), port, protocol, username, password);
	}

}
