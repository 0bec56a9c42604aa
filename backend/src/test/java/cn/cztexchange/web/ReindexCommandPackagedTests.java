package cn.cztexchange.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import cn.cztexchange.web.PackagedApplication.CommandResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line rebuild, run as an operator runs it: the packaged jar with
 * {@code --app.command=reindex}, on a fresh database with the demo catalogue.
 */
class ReindexCommandPackagedTests {

	@Test
	void rebuildsEveryPublishedEntryIntoANewIndexAndExitsWithZero() throws Exception {
		CommandResult result = PackagedApplication.runCommand("reindex-command", Duration.ofMinutes(4),
				"--app.command=reindex", "--server.port=0");
		assertThat(result.exitStatus()).as(result.log()).isZero();
		// The indexer may have made catalog-v1 first; the rebuild makes the next one.
		assertThat(result.log()).containsPattern("Reindex done: 1550 of 1550 entries into catalog-v\\d+");
	}

}
