package cn.cztexchange.platform;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Rejects a request whose declared Content-Length exceeds
 * {@link WebProperties#maxRequestSize()} before a single byte of its body is read; the
 * codecs enforce the same limit for chunked bodies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter implements WebFilter {

	private final long maxBytes;

	RequestSizeLimitFilter(WebProperties properties) {
		this.maxBytes = properties.maxRequestSize().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > this.maxBytes) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
					"The request body has " + length + " bytes; at most " + this.maxBytes + " are accepted.");
			problem.setTitle("Request body too large");
			return Mono.error(new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null));
		}
		return chain.filter(exchange);
	}

}
