package cn.cztexchange.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.platform.Outbox;

/**
 * Profiles for the demo catalogue's firms in the local run ({@code app.demo.enabled}),
 * from {@code matching/demo-firm-profiles.json}, so that investors and technology owners
 * have discoverable firms to find. Loaded after the demo catalogue made the firms; a firm
 * that has a profile keeps it. The demo account's own firm gets none: its user writes it.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("app.demo.enabled")
class DemoFirmProfiles implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(DemoFirmProfiles.class);

	private final FirmProfileRepository profiles;

	private final OrganisationDirectory organisations;

	private final Outbox outbox;

	private final TransactionalOperator transaction;

	private final JsonMapper json;

	private final Clock clock;

	DemoFirmProfiles(FirmProfileRepository profiles, OrganisationDirectory organisations, Outbox outbox,
			TransactionalOperator transaction, JsonMapper json, Clock clock) {
		this.profiles = profiles;
		this.organisations = organisations;
		this.outbox = outbox;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		JsonNode demo;
		try (InputStream in = new ClassPathResource("matching/demo-firm-profiles.json").getInputStream()) {
			demo = this.json.readTree(in).get("profiles");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Long inserted = Flux.fromIterable(demo.properties())
			.concatMap((entry) -> insert(organisationId(entry.getKey()),
					this.json.treeToValue(entry.getValue(), FirmProfileRequest.class).profile()))
			.filter((isNew) -> isNew)
			.count()
			.toFuture()
			.join();
		log.info("Demo firm profiles ready: " + demo.size() + ", " + inserted + " of them new");
	}

	private Mono<Boolean> insert(UUID id, FirmProfile profile) {
		return this.organisations.find(id)
			.flatMap((firm) -> this.profiles.insert(id, profile, null, this.clock.instant()))
			.filter((isNew) -> isNew)
			.flatMap((isNew) -> this.outbox
				.append(FirmProfileService.INDEX_TOPIC, id, Map.of("organisationId", id.toString()))
				.then(this.outbox.append(MatchingRefresh.TOPIC, id, MatchingRefresh.firmChanged(id)))
				.thenReturn(true))
			.as(this.transaction::transactional)
			.defaultIfEmpty(false);
	}

	/** The id the demo catalogue gave the organisation with this key. */
	private static UUID organisationId(String key) {
		return UUID.nameUUIDFromBytes(("demo-organisation:" + key).getBytes(StandardCharsets.UTF_8));
	}

}
