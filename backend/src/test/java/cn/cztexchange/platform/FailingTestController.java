package cn.cztexchange.platform;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Only on the test classpath: an endpoint that fails as a bug would, to check the 500 answer. */
@RestController
class FailingTestController {

	static final String PATH = "/api/test/failure";

	static final String SECRET = "connection string with password hunter2";

	@GetMapping(PATH)
	Mono<String> fail() {
		return Mono.error(new IllegalStateException(SECRET));
	}

}
