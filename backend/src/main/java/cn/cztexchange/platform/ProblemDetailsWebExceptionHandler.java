package cn.cztexchange.platform;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Last resort for errors raised outside a controller (in web filters, the dispatcher):
 * answers with a problem detail too, where Boot's default handler would render its own
 * error JSON. Ordered before Boot's handler, which is at -1.
 */
@Component
@Order(-2)
class ProblemDetailsWebExceptionHandler implements WebExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemDetailsWebExceptionHandler.class);

	private final ProblemResponseWriter writer;

	ProblemDetailsWebExceptionHandler(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		if (ex instanceof ErrorResponse error) {
			return this.writer.write(exchange, error.getStatusCode(), error.getBody(), error.getHeaders());
		}
		log.error("Unexpected error on " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath(),
				ex);
		return this.writer.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, ProblemDetails.internalError(),
				HttpHeaders.EMPTY);
	}

}
