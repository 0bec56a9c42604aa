package cn.cztexchange.platform;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Serves the web app's {@code index.html} for its client-side routes ({@code /status},
 * {@code /catalogue/…}), so that a reload or a shared link works. API, actuator and
 * documentation paths and anything that looks like a file are left alone, and so are
 * requests that do not accept HTML: an unknown API path still gets a 404 problem detail.
 */
@Component
class SinglePageAppForwardingFilter implements WebFilter {

	private static final List<String> SERVER_PREFIXES = List.of("/api/", "/actuator", "/v3/", "/swagger-ui",
			"/webjars/");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (isClientRoute(request)) {
			return chain.filter(exchange.mutate().request(request.mutate().path("/index.html").build()).build());
		}
		return chain.filter(exchange);
	}

	private static boolean isClientRoute(ServerHttpRequest request) {
		if (request.getMethod() != HttpMethod.GET) {
			return false;
		}
		String path = request.getPath().pathWithinApplication().value();
		if (path.equals("/") || SERVER_PREFIXES.stream().anyMatch(path::startsWith)) {
			return false;
		}
		String lastSegment = path.substring(path.lastIndexOf('/') + 1);
		if (lastSegment.contains(".")) {
			return false;
		}
		return request.getHeaders()
			.getAccept()
			.stream()
			.anyMatch((type) -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
	}

}
