package cn.cztexchange.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.DisconnectedClientHelper;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every exception raised while handling a request into an RFC 9457 problem detail.
 * The framework's own exceptions (404, 405, 406, 415, …) come from the base class; this
 * class adds the field-by-field list for invalid input, readable messages for malformed
 * JSON, 413 for oversized bodies, and a 500 that never shows a stack trace.
 */
@RestControllerAdvice
class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemDetailsExceptionHandler.class);

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<FieldError> errors = new ArrayList<>();
		ex.getFieldErrors().forEach((error) -> errors.add(new FieldError(error.getField(), message(error))));
		ex.getGlobalErrors().forEach((error) -> errors.add(new FieldError(error.getObjectName(), message(error))));
		return handleExceptionInternal(ex, ProblemDetails.invalidRequest(errors), headers, HttpStatus.BAD_REQUEST,
				exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<FieldError> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String name = parameterName(result.getMethodParameter());
			result.getResolvableErrors().forEach((error) -> errors.add(new FieldError(name, message(error))));
		}
		return handleExceptionInternal(ex, ProblemDetails.invalidRequest(errors), headers, HttpStatus.BAD_REQUEST,
				exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (hasCause(ex, DataBufferLimitException.class)) {
			return payloadTooLarge(ex, exchange);
		}
		JacksonException json = findCause(ex, JacksonException.class);
		if (json != null || ex.getCause() instanceof DecodingException) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(json));
			problem.setTitle("Malformed request body");
			return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
		}
		TypeMismatchException mismatch = findCause(ex, TypeMismatchException.class);
		if (mismatch != null && ex.getMethodParameter() != null) {
			FieldError error = new FieldError(parameterName(ex.getMethodParameter()),
					"'" + mismatch.getValue() + "' is not " + expected(mismatch.getRequiredType()));
			return handleExceptionInternal(ex, ProblemDetails.invalidRequest(List.of(error)), headers,
					HttpStatus.BAD_REQUEST, exchange);
		}
		return super.handleServerWebInputException(ex, headers, status, exchange);
	}

	/**
	 * What a parameter of this type must look like, in words rather than Java type names.
	 */
	private static String expected(Class<?> type) {
		if (type == null) {
			return "a valid value";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type == UUID.class) {
			return "a UUID";
		}
		if (type == LocalDate.class) {
			return "a date (YYYY-MM-DD)";
		}
		if (type == Instant.class || type == OffsetDateTime.class) {
			return "an ISO-8601 date and time with an offset, e.g. 2026-03-01T09:00:00+08:00";
		}
		return "a valid value";
	}

	/**
	 * A uniqueness or other constraint the database enforces, lost in a race that the
	 * service's own check could not see: the request conflicts with data that exists now.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	Mono<ResponseEntity<Object>> handleConstraintViolation(DataIntegrityViolationException ex,
			ServerWebExchange exchange) {
		log.info("Constraint violation on " + exchange.getRequest().getPath() + ": " + ex.getMostSpecificCause());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The request conflicts with data that already exists; reload and try again.");
		problem.setTitle("Conflict");
		return handleExceptionInternal(ex, problem, null, HttpStatus.CONFLICT, exchange);
	}

	/**
	 * The database cannot be reached or has no connection free within the pool's wait
	 * (app: spring.r2dbc.pool.max-acquire-time): nothing was written; the client may try
	 * again shortly.
	 */
	@ExceptionHandler(DataAccessResourceFailureException.class)
	Mono<ResponseEntity<Object>> handleDatabaseUnavailable(DataAccessResourceFailureException ex,
			ServerWebExchange exchange) {
		log.warn("Database unavailable on " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath()
				+ ": " + ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The service is busy and did not handle the request; nothing was changed. Try again in a few seconds.");
		problem.setTitle("Service busy");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, exchange);
	}

	@ExceptionHandler(DataBufferLimitException.class)
	Mono<ResponseEntity<Object>> handleDataBufferLimit(DataBufferLimitException ex, ServerWebExchange exchange) {
		return payloadTooLarge(ex, exchange);
	}

	/**
	 * Anything unexpected: log it whole, answer without a trace of the server's insides.
	 * A client that went away before its answer is not an error of ours, and there is no
	 * one left to answer.
	 */
	@ExceptionHandler(Exception.class)
	Mono<ResponseEntity<Object>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			log.debug("Client gone before the answer to " + exchange.getRequest().getMethod() + " "
					+ exchange.getRequest().getPath() + ": " + ex.getMessage());
			return Mono.empty();
		}
		log.error("Unexpected error on " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath(),
				ex);
		return handleExceptionInternal(ex, ProblemDetails.internalError(), null, HttpStatus.INTERNAL_SERVER_ERROR,
				exchange);
	}

	private Mono<ResponseEntity<Object>> payloadTooLarge(Exception ex, ServerWebExchange exchange) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
				"The request body is larger than this endpoint accepts.");
		problem.setTitle("Request body too large");
		return handleExceptionInternal(ex, problem, null, HttpStatus.PAYLOAD_TOO_LARGE, exchange);
	}

	/**
	 * Says where the JSON is broken or which field has the wrong type, without Java class
	 * names.
	 */
	private static String describe(JacksonException ex) {
		if (ex == null) {
			return "The request body could not be read.";
		}
		String path = ex.getPath().isEmpty() ? null : fieldPath(ex.getPath());
		if (ex instanceof StreamReadException || path == null) {
			var location = ex.getLocation();
			String where = (location != null && location.getLineNr() > 0)
					? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
			return "The request body is not well-formed JSON" + where + ".";
		}
		return "Field '" + path + "' has a value of the wrong type or format.";
	}

	private static String fieldPath(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/**
	 * The name the client used: the request parameter's, where it differs from the Java
	 * name.
	 */
	private static String parameterName(MethodParameter parameter) {
		RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
		if (requestParam != null && !requestParam.name().isEmpty()) {
			return requestParam.name();
		}
		return parameter.getParameterName();
	}

	private static String message(MessageSourceResolvable error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		return findCause(ex, type) != null;
	}

	private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
