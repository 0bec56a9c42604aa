package cn.cztexchange.booking;

import java.time.Clock;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Releases approved machine time that nobody started within the instrument's grace period
 * (counted as a no-show; repeated no-shows suspend the user), and reminds users of
 * approved bookings ahead of time. Safe with several replicas: rows are claimed with
 * {@code SKIP LOCKED}, one transaction per batch.
 */
@Component
class BookingSweeper {

	private static final Log log = LogFactory.getLog(BookingSweeper.class);

	private static final int BATCH = 100;

	private final BookingRepository bookings;

	private final BookingSteps steps;

	private final BookingNotifier notifier;

	private final Instruments instruments;

	private final BookingProperties properties;

	private final TransactionalOperator transaction;

	private final Clock clock;

	BookingSweeper(BookingRepository bookings, BookingSteps steps, BookingNotifier notifier, Instruments instruments,
			BookingProperties properties, TransactionalOperator transaction, Clock clock) {
		this.instruments = instruments;
		this.bookings = bookings;
		this.steps = steps;
		this.notifier = notifier;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${app.booking.sweep-interval:1m}",
			initialDelayString = "${app.booking.sweep-interval:1m}")
	void sweep() {
		sweepOnce().subscribe(null, (error) -> log.warn("Booking sweep failed; the next one tries again", error));
	}

	/** One sweep: answers how many bookings it released and reminded. */
	Mono<Long> sweepOnce() {
		Instant now = this.clock.instant();
		Mono<Long> noShows = this.transaction.transactional(this.bookings.lockUnstartedAfterGrace(now, BATCH)
			.concatMap((booking) -> this.steps.releaseNoShow(booking))
			.count());
		Mono<Long> reminders = this.transaction
			.transactional(this.bookings.lockDueForReminder(now, now.plus(this.properties.reminderBefore()), BATCH)
				.concatMap((booking) -> this.bookings.markReminded(booking.id(), now)
					.then(this.instruments.find(booking.instrumentId()))
					.flatMap((instrument) -> this.notifier.reminder(booking, instrument.title()))
					.thenReturn(booking))
				.count());
		return noShows.zipWith(reminders, Long::sum);
	}

}
