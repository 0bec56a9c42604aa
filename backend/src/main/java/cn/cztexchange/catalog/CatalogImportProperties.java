package cn.cztexchange.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bulk import of entries from spreadsheets.
 *
 * @param maxFileSize largest CSV or .xlsx file accepted; the upload endpoint's request
 * limit is this plus room for the form's other parts
 * @param maxRows most data rows (below the header) in one file
 * @param maxErrors most row errors kept and shown for one import; the count covers all
 * @param progressRows report progress at least every this many rows
 * @param progressInterval and at least this often, while rows are processed
 * @param staleAfter a running import whose progress has not moved for this long is taken
 * for one whose server died, and marked failed (nothing of it was written)
 */
@ConfigurationProperties("app.catalog.import")
record CatalogImportProperties(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("5000") int maxRows,
		@DefaultValue("200") int maxErrors, @DefaultValue("100") int progressRows,
		@DefaultValue("250ms") Duration progressInterval, @DefaultValue("2m") Duration staleAfter) {
}
