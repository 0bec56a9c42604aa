package cn.cztexchange.matching;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import cn.cztexchange.platform.Outbox;

/**
 * Creates the firms index at start, and rebuilds it from PostgreSQL when a release
 * changed its mapping: a new {@code firms-vN} with every discoverable firm, the alias
 * swapped to it at once, then every firm announced again on the outbox so that a save
 * made during the rebuild is not lost. Firms are few next to catalogue entries, so this
 * takes seconds; two replicas starting together may both rebuild, and the later swap wins
 * with the same content.
 */
@Component
class FirmIndexBootstrap implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(FirmIndexBootstrap.class);

	private final FirmIndex index;

	private final FirmProfileIndexer indexer;

	private final FirmProfileRepository profiles;

	private final Outbox outbox;

	private final TransactionalOperator transaction;

	private final Environment environment;

	private final Clock clock;

	FirmIndexBootstrap(FirmIndex index, FirmProfileIndexer indexer, FirmProfileRepository profiles, Outbox outbox,
			TransactionalOperator transaction, Environment environment, Clock clock) {
		this.index = index;
		this.indexer = indexer;
		this.profiles = profiles;
		this.outbox = outbox;
		this.transaction = transaction;
		this.environment = environment;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.environment.containsProperty("app.command")) {
			return;
		}
		int current = this.index.mappingVersion();
		this.index.ensureExists()
			.then(this.index.aliasedMappingVersion())
			.retryWhen(Retry.backoff(10, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
			.filter((version) -> version < current)
			.flatMap((version) -> rebuild(version, current))
			.subscribe((ignored) -> {
			}, (ex) -> log.warn("Could not check the firms index: " + ex.getMessage()));
	}

	private Mono<Void> rebuild(int from, int to) {
		String target = FirmIndex.ALIAS + "-v" + to + "-" + this.clock.millis();
		log.info("The firms index has mapping version " + from + ", this code writes " + to + ": rebuilding it");
		return this.index.create(target, false)
			.then(this.indexer.indexAll(target))
			.then(this.index.aliased())
			.flatMap((previous) -> this.index.swapTo(target, previous))
			.then(this.profiles.allIds()
				.concatMap((id) -> this.outbox.append(FirmProfileService.INDEX_TOPIC, id,
						Map.of("organisationId", id.toString())))
				.then()
				.as(this.transaction::transactional))
			.doOnSuccess((ignored) -> log.info("Rebuilt the firms index as " + target));
	}

}
