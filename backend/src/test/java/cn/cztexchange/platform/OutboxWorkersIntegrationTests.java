package cn.cztexchange.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OutboxWorkersIntegrationTests {

	@Autowired
	private Outbox outbox;

	@Autowired
	private RecordingOutboxHandler handler;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private TransactionalOperator transaction;

	@BeforeEach
	void reset() {
		this.handler.handled.clear();
		this.handler.failuresToCome.set(0);
	}

	@Test
	void rowsAppendedInACommittedTransactionAreHandledInOrderAndDeleted() {
		Flux.range(1, 7)
			.concatMap((n) -> this.outbox.append(RecordingOutboxHandler.TOPIC, "row-" + n, Map.of("n", n)))
			.then()
			.as(this.transaction::transactional)
			.block();

		awaitUntil(() -> this.handler.handled.size() == 7);
		assertThat(this.handler.handled).extracting(OutboxRow::key)
			.containsExactly("row-1", "row-2", "row-3", "row-4", "row-5", "row-6", "row-7");
		assertThat(this.handler.handled.peek().payload()).isEqualTo("{\"n\": 1}");
		assertThat(waiting()).isZero();
	}

	@Test
	void rowsOfARolledBackTransactionAreNeverHandled() {
		Mono<Void> failed = this.outbox.append(RecordingOutboxHandler.TOPIC, "rolled-back", Map.of())
			.then(Mono.error(new IllegalStateException("the change failed")));
		failed.as(this.transaction::transactional).onErrorResume((ex) -> Mono.empty()).block();
		this.outbox.append(RecordingOutboxHandler.TOPIC, "committed", Map.of()).block();

		awaitUntil(() -> !this.handler.handled.isEmpty());
		assertThat(this.handler.handled).extracting(OutboxRow::key).containsExactly("committed");
	}

	@Test
	void aFailingBatchStaysAndIsHandledOnceTheHandlerRecovers() {
		this.handler.failuresToCome.set(2);
		int before = this.handler.attempts.get();
		this.outbox.append(RecordingOutboxHandler.TOPIC, "retried", Map.of()).block();

		awaitUntil(() -> !this.handler.handled.isEmpty());
		assertThat(this.handler.handled).extracting(OutboxRow::key).containsExactly("retried");
		assertThat(this.handler.attempts.get() - before).isGreaterThanOrEqualTo(3);
		assertThat(waiting()).isZero();
	}

	private long waiting() {
		return this.database.sql("select count(*) from outbox where topic = :topic")
			.bind("topic", RecordingOutboxHandler.TOPIC)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private static void awaitUntil(Callable<Boolean> condition) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(condition);
	}

}
