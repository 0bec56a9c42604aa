package cn.cztexchange.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import cn.cztexchange.booking.BookingRepository.NewBooking;
import cn.cztexchange.booking.BookingRepository.Outcome;

/**
 * Books requests that arrive together in one statement (group commit): a request waits
 * for nothing when a statement is free; those that arrive while
 * {@link BookingProperties.Batching#statements} statements are running are booked
 * together by the next, up to {@link BookingProperties.Batching#maxSize} at a time. Under
 * load this spares most of the per-statement work of the database and of this server,
 * which was most of a booking's cost; each request still gets its own answer. Should a
 * statement for several requests fail as a whole, each is booked again on its own, so
 * that one request's failure is never another's.
 */
@Component
class BookingBatcher {

	private final BookingRepository bookings;

	private final BookingProperties.Batching properties;

	private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();

	private final AtomicInteger running = new AtomicInteger();

	BookingBatcher(BookingRepository bookings, BookingProperties properties) {
		this.bookings = bookings;
		this.properties = properties.batching();
	}

	/** The request's outcome, once the statement that carried it has run. */
	Mono<Outcome> insert(NewBooking request) {
		return Mono.defer(() -> {
			Sinks.One<Outcome> outcome = Sinks.one();
			this.waiting.add(new Waiting(request, outcome));
			drain();
			return outcome.asMono();
		});
	}

	/**
	 * Starts statements while some are free and requests wait. A request queued just as
	 * every statement is taken is not forgotten: each statement, once done, frees its
	 * place before it looks at the queue again.
	 */
	private void drain() {
		while (!this.waiting.isEmpty()) {
			int now = this.running.get();
			if (now >= this.properties.statements()) {
				return;
			}
			if (!this.running.compareAndSet(now, now + 1)) {
				continue;
			}
			List<Waiting> batch = new ArrayList<>();
			for (Waiting next; batch.size() < this.properties.maxSize() && (next = this.waiting.poll()) != null;) {
				batch.add(next);
			}
			if (batch.isEmpty()) {
				this.running.decrementAndGet();
				continue;
			}
			book(batch).doFinally((signal) -> {
				this.running.decrementAndGet();
				drain();
			}).subscribe();
		}
	}

	private Mono<Void> book(List<Waiting> batch) {
		// Deferred: even a failure building the statement must reach every request.
		return Mono.defer(() -> this.bookings.insertAll(batch.stream().map(Waiting::request).toList()))
			.doOnNext((outcomes) -> {
				for (int i = 0; i < batch.size(); i++) {
					batch.get(i).outcome().tryEmitValue(outcomes.get(i));
				}
			})
			.then()
			.onErrorResume((error) -> (batch.size() == 1) ? fail(batch.get(0), error) : oneByOne(batch));
	}

	private Mono<Void> oneByOne(List<Waiting> batch) {
		return Flux.fromIterable(batch)
			.concatMap((one) -> Mono.defer(() -> this.bookings.insertAll(List.of(one.request())))
				.doOnNext((outcomes) -> one.outcome().tryEmitValue(outcomes.get(0)))
				.then()
				.onErrorResume((error) -> fail(one, error)))
			.then();
	}

	private static Mono<Void> fail(Waiting one, Throwable error) {
		one.outcome().tryEmitError(error);
		return Mono.empty();
	}

	private record Waiting(NewBooking request, Sinks.One<Outcome> outcome) {
	}

}
