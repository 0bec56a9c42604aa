package cn.cztexchange.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bulk import as its page polls it.
 *
 * @param id the import
 * @param organisationId the organisation the entries are for
 * @param kind the kind of every entry in the file
 * @param fileName the uploaded file's name
 * @param dryRun whether it only checks the rows
 * @param submitForReview whether the created drafts are submitted for review too
 * @param status RUNNING, then SUCCEEDED or FAILED (then nothing was written)
 * @param phase VALIDATING every row, then CREATING the entries (a real import without
 * errors), then DONE; {@code processedRows} counts the rows of the current phase
 * @param totalRows the file's data rows (blank rows skipped)
 * @param processedRows rows done so far in this phase
 * @param createdCount entries created
 * @param errorCount every error found; {@code errors} lists the first ones
 * @param errors the first errors, by row; {@code row} is the spreadsheet's row number
 * (the header is row 1); an error of the import as a whole has no row
 * @param createdAt when it was uploaded
 * @param finishedAt when it ended
 * @param createdEntryIds the entries created, in row order
 */
record ImportJob(UUID id, UUID organisationId, ResourceKind kind, String fileName, boolean dryRun,
		boolean submitForReview, Status status, Phase phase, int totalRows, int processedRows, int createdCount,
		int errorCount, List<RowError> errors, Instant createdAt, Instant finishedAt, List<UUID> createdEntryIds) {

	/** Where an import stands. */
	enum Status {

		RUNNING, SUCCEEDED, FAILED

	}

	/** What a running import is doing. */
	enum Phase {

		VALIDATING, CREATING, DONE

	}

	/**
	 * One bad cell, or a row's missing value, or (without row) a failure of the whole
	 * import.
	 *
	 * @param row the spreadsheet row number, the header being row 1
	 * @param column the column, as the template names it
	 * @param message what is wrong, in words a user can act on
	 */
	record RowError(Integer row, String column, String message) {
	}

}
