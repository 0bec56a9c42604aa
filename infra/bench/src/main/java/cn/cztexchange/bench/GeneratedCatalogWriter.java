package cn.cztexchange.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.catalog.BenchCatalog;
import cn.cztexchange.catalog.BenchCatalog.Entry;
import cn.cztexchange.catalog.CatalogReader;
import cn.cztexchange.catalog.CatalogReader.PublishedEntry;
import cn.cztexchange.localservices.PostgresEndpoint;
import cn.cztexchange.search.BenchSearchAccess;
import cn.cztexchange.text.AnalysedText;

/**
 * Writes the generated catalogue the fast way, before anything is timed: the entries as
 * published rows and their outbox rows with {@code COPY} in one transaction (exactly what
 * approving them one by one would leave behind), and the very same documents that the
 * indexer will build into an NDJSON bulk file for the raw Elasticsearch load.
 */
final class GeneratedCatalogWriter {

	/** The demo admin, who "approved" the generated entries (see DemoAccounts). */
	private static final UUID PUBLISHED_BY = UUID.fromString("00000000-0000-7000-8000-000000000205");

	private final PostgresEndpoint postgres;

	private final JsonMapper json;

	GeneratedCatalogWriter(PostgresEndpoint postgres, JsonMapper json) {
		this.postgres = postgres;
		this.json = json;
	}

	/**
	 * Writes {@code count} entries to PostgreSQL and their documents to {@code bulkFile}.
	 * @return the ids, in order
	 */
	List<UUID> write(int count, Instant newest, Path bulkFile) throws SQLException, IOException {
		List<UUID> ids = new ArrayList<>(count);
		try (Connection connection = DriverManager.getConnection(this.postgres.jdbcUrl(), this.postgres.username(),
				this.postgres.password())) {
			connection.setAutoCommit(false);
			PGConnection pg = connection.unwrap(PGConnection.class);
			String now = Instant.now().toString();
			try (Writer entries = writer(new PGCopyOutputStream(pg,
					"copy catalog_entries (id, kind, owner_organisation_id, status, review, draft, published, "
							+ "created_by, created_at, updated_at, submitted_at, published_at, version, published_text) "
							+ "from stdin with (format csv)",
					1 << 20)); Writer documents = writer(Files.newOutputStream(bulkFile))) {
				BenchCatalog.entries(count, newest).forEach((entry) -> {
					ids.add(entry.id());
					AnalysedText text = entry.content().analyseText();
					writeRow(entries, entry, text);
					writeDocument(documents, entry.published(text));
				});
			}
			try (Writer outbox = writer(new PGCopyOutputStream(pg,
					"copy outbox (topic, key, payload, created_at) from stdin with (format csv)", 1 << 20))) {
				for (UUID id : ids) {
					outbox.write(CatalogReader.OUTBOX_TOPIC + "," + id + ",\"{\"\"event\"\": \"\"PUBLISHED\"\"}\","
							+ now + "\n");
				}
			}
			connection.commit();
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				// What autovacuum would soon do for a catalogue of this size.
				statement.execute("analyze catalog_entries");
				statement.execute("analyze outbox");
			}
		}
		return ids;
	}

	private void writeRow(Writer out, Entry entry, AnalysedText text) {
		String content = this.json.writeValueAsString(entry.content());
		String published = entry.publishedAt().toString();
		try {
			out.write(entry.id() + "," + entry.kind().name() + "," + entry.owner().id() + ",PUBLISHED,EDITING,"
					+ csv(content) + "," + csv(content) + "," + PUBLISHED_BY + "," + published + "," + published + ","
					+ published + "," + published + ",1," + csv(this.json.writeValueAsString(text)) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void writeDocument(Writer out, PublishedEntry entry) {
		Map<String, Object> document = BenchSearchAccess.document(entry);
		try {
			out.write("{\"index\":{\"_id\":\"" + entry.id() + "\"}}\n");
			out.write(this.json.writeValueAsString(document));
			out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String csv(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	private static Writer writer(OutputStream out) {
		return new BufferedWriter(
				new OutputStreamWriter(new BufferedOutputStream(out, 1 << 20), StandardCharsets.UTF_8), 1 << 16);
	}

}
