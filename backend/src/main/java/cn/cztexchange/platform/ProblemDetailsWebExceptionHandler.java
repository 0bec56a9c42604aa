package cn.cztexchange.platform;

import java.net.URI;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Last resort for errors raised outside a controller (in web filters, security, the
 * dispatcher): answers with a problem detail too, where Boot's default handler would
 * render its own error JSON. Ordered before Boot's handler, which is at -1.
 */
@Component
@Order(-2)
class ProblemDetailsWebExceptionHandler implements WebExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemDetailsWebExceptionHandler.class);

	private final ServerResponse.Context context;

	ProblemDetailsWebExceptionHandler(ServerCodecConfigurer codecs) {
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		this.context = new ServerResponse.Context() {
			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}
		};
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem;
		ServerResponse.BodyBuilder response;
		if (ex instanceof ErrorResponse error) {
			problem = error.getBody();
			response = ServerResponse.status(error.getStatusCode())
				.headers((headers) -> headers.addAll(error.getHeaders()));
		}
		else {
			log.error(
					"Unexpected error on " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath(),
					ex);
			problem = ProblemDetails.internalError();
			response = ServerResponse.status(problem.getStatus());
		}
		if (problem.getInstance() == null) {
			problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		}
		return response.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(problem)
			.flatMap((serverResponse) -> serverResponse.writeTo(exchange, this.context));
	}

}
