package cn.cztexchange.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.platform.Outbox;

/**
 * The demo catalogue for the local run ({@code app.demo.enabled=true}): the generator's
 * organisations and 1,550 published entries (600 instruments, 200 services, 300
 * literature entries, 200 tech-transfer offerings, 150 financing entries, 100 technology
 * needs), all labelled as demo data. Ids follow from the generator's order, so a second
 * start inserts nothing; each new entry is announced on the outbox, and the indexer makes
 * it searchable.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("app.demo.enabled")
class DemoCatalog implements ApplicationRunner {

	/** The demo admin account that "published" the demo entries (see DemoAccounts). */
	static final UUID PUBLISHED_BY = UUID.fromString("00000000-0000-7000-8000-000000000205");

	static final long SEED = 20261127L;

	private static final Log log = LogFactory.getLog(DemoCatalog.class);

	private final OrganisationDirectory organisations;

	private final CatalogEntryRepository entries;

	private final Outbox outbox;

	private final TransactionalOperator transaction;

	private final Clock clock;

	DemoCatalog(OrganisationDirectory organisations, CatalogEntryRepository entries, Outbox outbox,
			TransactionalOperator transaction, Clock clock) {
		this.organisations = organisations;
		this.entries = entries;
		this.outbox = outbox;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Start-up work, waited for so that the application is ready with its demo data. */
	@Override
	public void run(ApplicationArguments args) {
		Map<String, UUID> owners = new HashMap<>();
		Instant now = this.clock.instant();
		AtomicInteger position = new AtomicInteger();
		AtomicLong inserted = new AtomicLong();
		// Counted only when the insert took place: a second start inserts nothing.
		Flux.fromIterable(DemoCatalogGenerator.organisations())
			.concatMap((o) -> this.organisations
				.ensureDemoOrganisation(o.key(), o.typeName(), o.nameZh(), o.nameEn(), o.cities(), o.district())
				.doOnNext((id) -> owners.put(o.key(), id)))
			.thenMany(Flux.fromStream(() -> DemoCatalogGenerator.entries(SEED)))
			.map((demo) -> {
				UUID id = UUID
					.nameUUIDFromBytes(("demo-entry:" + position.getAndIncrement()).getBytes(StandardCharsets.UTF_8));
				return new CatalogEntry(id, demo.kind(), owners.get(demo.organisationKey()), EntryStatus.PUBLISHED,
						ReviewState.EDITING, demo.content(), demo.content(), null, PUBLISHED_BY, now, now, now, now, 1);
			})
			.buffer(200)
			.concatMap((batch) -> Flux.fromIterable(batch)
				.concatMap((entry) -> this.entries.insertIfAbsent(entry)
					.filter((isNew) -> isNew)
					.doOnNext((isNew) -> inserted.incrementAndGet())
					.flatMap((isNew) -> this.outbox.append(CatalogReader.OUTBOX_TOPIC, entry.id(),
							Map.of("event", "PUBLISHED"))))
				.then()
				.as(this.transaction::transactional))
			.then()
			.toFuture()
			.join();
		log.info("Demo catalogue ready: " + position.get() + " entries, " + inserted.get() + " of them new");
	}

}
