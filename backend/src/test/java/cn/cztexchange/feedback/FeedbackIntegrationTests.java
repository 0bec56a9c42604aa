package cn.cztexchange.feedback;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class FeedbackIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Test
	void feedbackIsStored() {
		FeedbackReceipt receipt = this.client.post()
			.uri("/api/v1/feedback")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new SubmitFeedbackRequest("  希望增加湘潭的仪器  ", "someone@example.com", "/status", "zh-CN"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(FeedbackReceipt.class)
			.returnResult()
			.getResponseBody();
		assertThat(receipt).isNotNull();
		assertThat(receipt.id().version()).isEqualTo(7);
		String stored = this.database.sql("select message from feedback where id = :id")
			.bind("id", receipt.id())
			.map((row) -> row.get("message", String.class))
			.one()
			.block();
		assertThat(stored).isEqualTo("希望增加湘潭的仪器");
	}

	@Test
	void invalidFeedbackIsRejectedAndNothingIsStored() {
		long before = count();
		this.client.post()
			.uri("/api/v1/feedback")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new SubmitFeedbackRequest("x".repeat(2001), null, null, null))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("message");
		assertThat(count()).isEqualTo(before);
	}

	private long count() {
		return this.database.sql("select count(*) from feedback").map((row) -> row.get(0, Long.class)).one().block();
	}

}
