package cn.cztexchange.platform;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.SignedInClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of error answers with an RFC 9457 problem detail and the right status. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsIntegrationTests {

	@Autowired
	WebTestClient anonymous;

	/**
	 * Most API paths need a signed-in caller; anonymous callers get 401 before anything
	 * else.
	 */
	WebTestClient client;

	@BeforeEach
	void signIn() {
		this.client = SignedInClient.of(this.anonymous);
	}

	@Test
	void malformedJsonIsA400ThatSaysWhere() {
		postFeedback("{\"message\": ").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.title")
			.isEqualTo("Malformed request body")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("not well-formed JSON").contains("line 1"))
			.jsonPath("$.instance")
			.isEqualTo("/api/v1/feedback");
	}

	@Test
	void wrongTypeNamesTheField() {
		postFeedback("{\"message\": {\"nested\": true}}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Field 'message' has a value of the wrong type or format.");
	}

	@Test
	void invalidFieldsAreAllListed() {
		postFeedback("{\"message\": \" \", \"contactEmail\": \"not-an-email\", \"language\": \"fr\"}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Invalid request")
			.jsonPath("$.errors.length()")
			.isEqualTo(3)
			.jsonPath("$.errors[?(@.field == 'message')].message")
			.isEqualTo("must not be blank")
			.jsonPath("$.errors[?(@.field == 'contactEmail')].message")
			.isEqualTo("must be an email address")
			.jsonPath("$.errors[?(@.field == 'language')].message")
			.isEqualTo("must be zh-CN or en");
	}

	@Test
	void parameterOfTheWrongTypeIsA400() {
		this.client.get()
			.uri(ProblemDetailsTestController.PARAMETER_PATH + "?count=many")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.errors[0].field")
			.isEqualTo("count")
			.jsonPath("$.errors[0].message")
			.isEqualTo("'many' is not a whole number");
	}

	@Test
	void missingParameterIsA400() {
		this.client.get()
			.uri(ProblemDetailsTestController.PARAMETER_PATH)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("count"));
	}

	@Test
	void parameterOutOfRangeIsA400NamingIt() {
		this.client.get()
			.uri(ProblemDetailsTestController.PARAMETER_PATH + "?count=0")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Invalid request")
			.jsonPath("$.errors[0].field")
			.isEqualTo("count")
			.jsonPath("$.errors[0].message")
			.value((String message) -> assertThat(message).contains("1"));
	}

	@Test
	void unknownApiPathIsA401ForAnonymousCallers() {
		this.anonymous.get()
			.uri("/api/v1/no-such-thing")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unknownApiPathIsA404() {
		this.client.get()
			.uri("/api/v1/no-such-thing")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.instance")
			.isEqualTo("/api/v1/no-such-thing");
	}

	@Test
	void unknownPathOutsideTheApiIsA404ForJsonClients() {
		this.client.get()
			.uri("/no-such-page")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unsupportedMethodIsA405ThatSaysWhatIsAllowed() {
		this.client.delete()
			.uri("/api/v1/feedback")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(405);
	}

	@Test
	void unsupportedMediaTypeIsA415() {
		this.client.post()
			.uri("/api/v1/feedback")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("hello")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void oversizedBodyIsA413BeforeItIsRead() {
		byte[] body = jsonWithMessageOf(2 * 1024 * 1024);
		this.client.post()
			.uri("/api/v1/feedback")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(413)
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("at most 1048576"));
	}

	@Test
	void oversizedChunkedBodyIsA413Too() {
		byte[] body = jsonWithMessageOf(2 * 1024 * 1024);
		Flux<DataBuffer> chunks = Flux.range(0, 32)
			.map((i) -> DefaultDataBufferFactory.sharedInstance
				.wrap(Arrays.copyOfRange(body, i * body.length / 32, (i + 1) * body.length / 32)));
		this.client.post()
			.uri("/api/v1/feedback")
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void constraintLostInARaceIsA409() {
		this.client.get()
			.uri(ProblemDetailsTestController.CONFLICT_PATH)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.value((body) -> assertThat(body).doesNotContain("secret_idx"));
	}

	@Test
	void unexpectedErrorIsA500WithoutInternals() {
		this.client.get()
			.uri(ProblemDetailsTestController.FAILURE_PATH)
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("\"title\":\"Internal error\"")
				.doesNotContain(ProblemDetailsTestController.SECRET)
				.doesNotContain("IllegalStateException")
				.doesNotContain("cn.cztexchange"));
	}

	@Test
	void aDatabaseWithoutAFreeConnectionIsAServiceBusyWithRetryAfterNotAnInternalError() {
		this.client.get()
			.uri(ProblemDetailsTestController.UNAVAILABLE_PATH)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("\"title\":\"Service busy\"")
				.contains("nothing was changed")
				.doesNotContain(ProblemDetailsTestController.SECRET)
				.doesNotContain("R2DBC"));
	}

	@Test
	void aClientThatWentAwayIsNotAnInternalError(CapturedOutput output) {
		this.client.get()
			.uri(ProblemDetailsTestController.CLIENT_GONE_PATH)
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isNotEqualTo(500))
			.expectBody()
			.isEmpty();
		assertThat(output).doesNotContain("Unexpected error on GET " + ProblemDetailsTestController.CLIENT_GONE_PATH);
	}

	private WebTestClient.ResponseSpec postFeedback(String json) {
		return this.client.post()
			.uri("/api/v1/feedback")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	private static byte[] jsonWithMessageOf(int size) {
		return ("{\"message\": \"" + "x".repeat(size) + "\"}").getBytes();
	}

}
