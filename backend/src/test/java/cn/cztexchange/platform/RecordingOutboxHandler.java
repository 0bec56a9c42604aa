package cn.cztexchange.platform;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Only on the test classpath: a consumer of its own topic that records what it was given
 * and fails while told to, for {@link OutboxWorkersIntegrationTests}.
 */
@Component
class RecordingOutboxHandler implements OutboxHandler {

	static final String TOPIC = "test-recording";

	final Queue<OutboxRow> handled = new ConcurrentLinkedQueue<>();

	final AtomicInteger failuresToCome = new AtomicInteger();

	final AtomicInteger attempts = new AtomicInteger();

	@Override
	public String topic() {
		return TOPIC;
	}

	@Override
	public int batchSize() {
		return 3;
	}

	@Override
	public Mono<Void> handle(List<OutboxRow> rows) {
		this.attempts.incrementAndGet();
		if (this.failuresToCome.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
			return Mono.error(new IllegalStateException("told to fail"));
		}
		this.handled.addAll(rows);
		return Mono.empty();
	}

}
