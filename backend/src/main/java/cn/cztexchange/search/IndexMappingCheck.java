package cn.cztexchange.search;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import cn.cztexchange.platform.DomainException;

/**
 * After a deployment that changed the mapping, rebuilds the index in the background: the
 * old index keeps serving searches until the alias swaps to the new one. Replicas
 * starting together agree through the rebuild lock, so only one rebuilds.
 */
@Component
class IndexMappingCheck implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(IndexMappingCheck.class);

	private final CatalogIndex index;

	private final CatalogReindex reindex;

	private final Environment environment;

	IndexMappingCheck(CatalogIndex index, CatalogReindex reindex, Environment environment) {
		this.index = index;
		this.reindex = reindex;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.environment.containsProperty("app.command")) {
			// A command (such as reindex itself) does its own work and exits.
			return;
		}
		int current = this.index.mappingVersion();
		this.index.ensureExists()
			.then(this.index.aliasedMappingVersion())
			.retryWhen(Retry.backoff(10, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
			.filter((version) -> version < current)
			.flatMap((version) -> {
				log.info("The search index has mapping version " + version + ", this code writes " + current
						+ ": rebuilding it");
				return this.reindex.start(ReindexRuns.Reason.MAPPING_CHANGED);
			})
			.onErrorResume(DomainException.class, (ex) -> Mono.empty())
			.subscribe((progress) -> {
			}, (ex) -> log.warn("Could not check the search index mapping: " + ex.getMessage()));
	}

}
