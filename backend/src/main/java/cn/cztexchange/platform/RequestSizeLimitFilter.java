package cn.cztexchange.platform;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * Rejects a request whose declared Content-Length exceeds
 * {@link WebProperties#maxRequestSize()} (or the {@link RequestSizeLimit} of its upload
 * endpoint) before a single byte of its body is read; the codecs enforce the same limits
 * for chunked bodies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter implements WebFilter {

	private final long maxBytes;

	private final List<Limit> limits;

	RequestSizeLimitFilter(WebProperties properties, ObjectProvider<RequestSizeLimit> limits) {
		this.maxBytes = properties.maxRequestSize().toBytes();
		this.limits = limits.orderedStream()
			.map((limit) -> new Limit(limit, PathPatternParser.defaultInstance.parse(limit.pathPattern())))
			.toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long length = request.getHeaders().getContentLength();
		long max = maxBytes(request);
		if (length > max) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
					"The request body has " + length + " bytes; at most " + max + " are accepted.");
			problem.setTitle("Request body too large");
			return Mono.error(new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null));
		}
		return chain.filter(exchange);
	}

	private long maxBytes(ServerHttpRequest request) {
		for (Limit limit : this.limits) {
			if (limit.limit().method().equals(request.getMethod())
					&& limit.pattern().matches(request.getPath().pathWithinApplication())) {
				return limit.limit().maxSize().toBytes();
			}
		}
		return this.maxBytes;
	}

	private record Limit(RequestSizeLimit limit, PathPattern pattern) {
	}

}
