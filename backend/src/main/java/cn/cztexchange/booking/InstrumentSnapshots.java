package cn.cztexchange.booking;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import cn.cztexchange.booking.Instruments.Instrument;
import cn.cztexchange.catalog.ResourceKind;
import cn.cztexchange.platform.Broadcasts;
import cn.cztexchange.search.IndexedEntriesListener;

/**
 * The instrument and its rules as the busiest paths (requests, estimates, calendars) read
 * them, kept in memory: a booking is two statements instead of four. Every replica
 * forgets an instrument when its rules are saved or its catalogue entry is indexed anew
 * (through {@link Broadcasts}, when the change commits; the replica that made the change
 * at once), and all of them when broadcasts may have been missed; what is kept longer
 * than {@code app.booking.instrument-cache-ttl} is read again regardless. Nothing that
 * decides a conflict is kept here: held time, closures, suspensions and qualifications
 * are read by the statement that books.
 */
@Component
class InstrumentSnapshots implements IndexedEntriesListener, SmartLifecycle {

	/** The broadcast topic of instruments whose snapshot is stale. */
	private static final String TOPIC = "booking-instrument";

	/** More instruments than this in use at once, and the cache starts afresh. */
	private static final int MAX_ENTRIES = 20_000;

	private final Instruments instruments;

	private final InstrumentSettingsRepository settings;

	private final Duration ttl;

	private final Broadcasts broadcasts;

	private final Map<UUID, Mono<Snapshot>> cached = new ConcurrentHashMap<>();

	private volatile Disposable listening;

	InstrumentSnapshots(Instruments instruments, InstrumentSettingsRepository settings, Broadcasts broadcasts,
			BookingProperties properties) {
		this.instruments = instruments;
		this.settings = settings;
		this.broadcasts = broadcasts;
		this.ttl = properties.instrumentCacheTtl();
	}

	@Override
	public void start() {
		this.listening = this.broadcasts.received(TOPIC).subscribe((broadcast) -> {
			if (broadcast.lost()) {
				this.cached.clear();
			}
			else {
				broadcast.keys().forEach((key) -> this.cached.remove(UUID.fromString(key)));
			}
		});
	}

	@Override
	public void stop() {
		Disposable listening = this.listening;
		if (listening != null) {
			listening.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.listening != null && !this.listening.isDisposed();
	}

	/** The published instrument and the rules that apply to it, or a 404 problem. */
	Mono<Snapshot> find(UUID instrumentId) {
		if (this.ttl.isZero()) {
			return load(instrumentId);
		}
		if (this.cached.size() > MAX_ENTRIES) {
			this.cached.clear();
		}
		// A failed read (a 404, a database error) is not kept.
		return this.cached.computeIfAbsent(instrumentId,
				(id) -> load(id).cache((found) -> this.ttl, (error) -> Duration.ZERO, () -> Duration.ZERO));
	}

	/**
	 * Makes every replica forget these instruments when the caller's transaction commits,
	 * and this one at once.
	 */
	Mono<Void> changed(Collection<UUID> instrumentIds) {
		if (instrumentIds.isEmpty()) {
			return Mono.empty();
		}
		instrumentIds.forEach(this.cached::remove);
		return this.broadcasts.send(TOPIC, instrumentIds.stream().map(UUID::toString).toList());
	}

	@Override
	public Mono<Void> indexed(List<IndexedEntry> entries) {
		return changed(entries.stream()
			.filter((entry) -> entry.kind() == null || entry.kind() == ResourceKind.INSTRUMENT)
			.map(IndexedEntry::id)
			.toList());
	}

	private Mono<Snapshot> load(UUID instrumentId) {
		return this.instruments.find(instrumentId)
			.flatMap((instrument) -> this.settings.rulesOrDefaults(instrument)
				.map((rules) -> new Snapshot(instrument, rules)));
	}

	/**
	 * @param instrument the published instrument
	 * @param rules its rules, or the defaults
	 */
	record Snapshot(Instrument instrument, BookingRules rules) {
	}

}
