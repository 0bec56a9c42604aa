package cn.cztexchange.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * Only on the test classpath: endpoints that fail as a bug or a bad parameter would, to
 * check the answers no production endpoint produces on purpose.
 */
@RestController
class ProblemDetailsTestController {

	static final String FAILURE_PATH = "/api/test/failure";

	static final String PARAMETER_PATH = "/api/test/parameter";

	static final String CONFLICT_PATH = "/api/test/conflict";

	static final String UNAVAILABLE_PATH = "/api/test/unavailable";

	static final String CLIENT_GONE_PATH = "/api/test/client-gone";

	static final String SECRET = "connection string with password hunter2";

	@GetMapping(FAILURE_PATH)
	Mono<String> fail() {
		return Mono.error(new IllegalStateException(SECRET));
	}

	/** A unique constraint lost in a race, as the database reports it. */
	@GetMapping(CONFLICT_PATH)
	Mono<String> conflict() {
		return Mono.error(new DuplicateKeyException("duplicate key value violates unique constraint \"secret_idx\""));
	}

	/** No connection free in the pool within its wait, as Spring reports it. */
	@GetMapping(UNAVAILABLE_PATH)
	Mono<String> unavailable() {
		return Mono.error(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
				new IllegalStateException(SECRET)));
	}

	/**
	 * The client closed its connection before the answer, as Reactor Netty reports it.
	 */
	@GetMapping(CLIENT_GONE_PATH)
	Mono<String> clientGone() {
		return Mono.error(new AbortedException("Connection has been closed BEFORE send operation"));
	}

	@GetMapping(PARAMETER_PATH)
	Mono<Integer> parameter(@RequestParam @Min(1) @Max(100) int count) {
		return Mono.just(count);
	}

}
