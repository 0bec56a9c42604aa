package cn.cztexchange.search;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command-line rebuild: {@code java -jar czt-exchange.jar --app.command=reindex}
 * rebuilds the index, prints what it did, and exits (status 0 when it succeeded).
 */
@Component
@ConditionalOnProperty(name = "app.command", havingValue = "reindex")
class ReindexCommand implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(ReindexCommand.class);

	private final CatalogReindex reindex;

	private final ConfigurableApplicationContext context;

	ReindexCommand(CatalogReindex reindex, ConfigurableApplicationContext context) {
		this.reindex = reindex;
		this.context = context;
	}

	/** A command, not a request path: waiting for it is the point. */
	@Override
	public void run(ApplicationArguments args) {
		int status = 0;
		try {
			ReindexRuns.Progress progress = this.reindex.runNow(ReindexRuns.Reason.COMMAND).toFuture().join();
			log.info("Reindex done: " + progress.done() + " of " + progress.total() + " entries into "
					+ progress.index());
		}
		catch (RuntimeException ex) {
			log.error("Reindex failed", ex);
			status = 1;
		}
		int exitCode = status;
		System.exit(SpringApplication.exit(this.context, () -> exitCode));
	}

}
