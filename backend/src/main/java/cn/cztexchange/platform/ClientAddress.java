package cn.cztexchange.platform;

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request came from, for rate limits and the audit log. Behind a proxy or
 * load balancer set {@code server.forward-headers-strategy=framework} so that this is the
 * client's address from {@code Forwarded}/{@code X-Forwarded-For}, not the proxy's.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

}
