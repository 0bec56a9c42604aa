package cn.cztexchange.platform;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Input that passed the annotations but broke a rule only the service can check; a 400
 * naming each field.
 */
public class InvalidRequestException extends ErrorResponseException {

	public InvalidRequestException(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, ProblemDetails.invalidRequest(errors), null);
	}

	public InvalidRequestException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

}
