package cn.cztexchange.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import jakarta.annotation.PreDestroy;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.ErrorResponseException;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.FieldError;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.InvalidRequestException;
import cn.cztexchange.platform.ProblemDetails;

/**
 * Bulk import of entries from a spreadsheet. The upload is checked at once (who may
 * import, whether the file is a spreadsheet with the kind's columns); then the rows are
 * checked in the background, each as the JSON API would check it; a real import with no
 * bad row then creates every entry as a draft, and submits it if asked, in one
 * transaction: all or nothing. Progress is written as it goes, outside that transaction,
 * so that any replica answers the page polling it.
 */
@Service
class CatalogImportService {

	private static final Log log = LogFactory.getLog(CatalogImportService.class);

	/** Rows validated in one go on a worker thread, between progress checks. */
	private static final int CHUNK = 25;

	private final CatalogImportRepository jobs;

	private final CatalogService catalog;

	private final OrganisationDirectory organisations;

	private final Validator validator;

	private final CatalogImportProperties properties;

	private final TransactionalOperator transaction;

	private final TransactionalOperator separateTransaction;

	private final Clock clock;

	private final Disposable.Composite running = Disposables.composite();

	CatalogImportService(CatalogImportRepository jobs, CatalogService catalog, OrganisationDirectory organisations,
			Validator validator, CatalogImportProperties properties, ReactiveTransactionManager transactions,
			Clock clock) {
		this.jobs = jobs;
		this.catalog = catalog;
		this.organisations = organisations;
		this.validator = validator;
		this.properties = properties;
		this.transaction = TransactionalOperator.create(transactions);
		this.separateTransaction = TransactionalOperator.create(transactions,
				new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
		this.clock = clock;
	}

	/**
	 * Checks the caller and the file, records the import as RUNNING and starts it in the
	 * background; answers at once.
	 */
	Mono<ImportJob> start(UUID organisationId, ResourceKind kind, boolean dryRun, boolean submitForReview,
			Uploads.UploadedFile file, CurrentUser user) {
		return this.organisations.find(organisationId)
			.switchIfEmpty(
					Mono.error(() -> new InvalidRequestException("organisationId", "no organisation has this id")))
			.flatMap((organisation) -> this.catalog.requirePublisher(organisationId, kind, user)
				.then(submitForReview ? CatalogService.requireVerified(organisation) : Mono.empty()))
			.then(Mono.fromCallable(() -> parse(kind, file.bytes())).subscribeOn(Schedulers.boundedElastic()))
			.flatMap((rows) -> {
				Instant now = this.clock.instant();
				ImportJob job = new ImportJob(Ids.newId(this.clock), organisationId, kind, file.name(), dryRun,
						submitForReview, ImportJob.Status.RUNNING, ImportJob.Phase.VALIDATING, rows.rows().size(), 0, 0,
						0, List.of(), now, null, null);
				return this.jobs.insert(job, user.id())
					.then(Mono.fromRunnable(() -> launch(job, rows, user)))
					.thenReturn(job);
			});
	}

	/** The import, for members of its organisation and admins; 404 for anyone else. */
	Mono<ImportJob> get(UUID id, CurrentUser user) {
		return this.jobs.findById(id)
			.flatMap((job) -> user.isAdmin() ? Mono.just(job)
					: this.organisations.standing(user.id(), job.organisationId())
						.flatMap((standing) -> standing.isPresent() ? Mono.just(job) : Mono.empty()))
			.flatMap((job) -> (job.status() != ImportJob.Status.RUNNING) ? Mono.just(job)
					: this.jobs.failStale(job.id(), staleCutoff(), interrupted(), this.clock.instant())
						.flatMap((failed) -> (failed > 0) ? this.jobs.findById(id) : Mono.just(job)))
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The import")));
	}

	/**
	 * Imports whose server died while running them stop moving; this marks them failed
	 * (nothing of them was written: their transaction died with the server).
	 */
	@Scheduled(initialDelay = 0, fixedDelay = 60, timeUnit = TimeUnit.SECONDS)
	Mono<Void> failStaleImports() {
		return this.jobs.failStale(null, staleCutoff(), interrupted(), this.clock.instant()).doOnNext((count) -> {
			if (count > 0) {
				log.warn("Marked " + count + " interrupted import(s) as failed");
			}
		}).onErrorResume((ex) -> {
			log.warn("Could not look for interrupted imports: " + ex);
			return Mono.empty();
		}).then();
	}

	@PreDestroy
	void stop() {
		this.running.dispose();
	}

	private Instant staleCutoff() {
		return this.clock.instant().minus(this.properties.staleAfter());
	}

	private static ImportJob.RowError interrupted() {
		return new ImportJob.RowError(null, null,
				"The import was interrupted (its server stopped); nothing was written. Upload the file again.");
	}

	private void launch(ImportJob job, Rows rows, CurrentUser user) {
		Disposable[] handle = new Disposable[1];
		handle[0] = run(job, rows, user).doFinally((signal) -> {
			if (handle[0] != null) {
				this.running.remove(handle[0]);
			}
		}).subscribe();
		if (!handle[0].isDisposed()) {
			this.running.add(handle[0]);
		}
	}

	private Mono<Void> run(ImportJob job, Rows rows, CurrentUser user) {
		int total = rows.rows().size();
		return validate(job, rows).flatMap((checked) -> {
			if (checked.errorCount() > 0) {
				return finish(job, ImportJob.Status.FAILED, total, List.of(), checked.errorCount(), checked.errors());
			}
			if (job.dryRun()) {
				return finish(job, ImportJob.Status.SUCCEEDED, total, List.of(), 0, List.of());
			}
			return create(job, checked.contents(), user);
		}).onErrorResume((ex) -> failed(job, ex));
	}

	private Mono<Checked> validate(ImportJob job, Rows rows) {
		Progress progress = new Progress(job.id(), ImportJob.Phase.VALIDATING, UnaryOperator.identity());
		List<EntryContent> contents = new ArrayList<>();
		List<ImportJob.RowError> errors = new ArrayList<>();
		int[] errorCount = new int[1];
		return Flux.fromIterable(rows.rows()).buffer(CHUNK).concatMap((chunk) -> Mono.fromRunnable(() -> {
			for (Spreadsheets.Row row : chunk) {
				List<ImportJob.RowError> rowErrors = check(job.kind(), rows, row, contents);
				errorCount[0] += rowErrors.size();
				rowErrors.stream().limit(Math.max(0, this.properties.maxErrors() - errors.size())).forEach(errors::add);
			}
		}).subscribeOn(Schedulers.boundedElastic()).then(progress.advanceBy(chunk.size())))
			.then(Mono.fromSupplier(() -> new Checked(contents, errors, errorCount[0])));
	}

	/** One row as content, and what is wrong with it, column by column in file order. */
	private List<ImportJob.RowError> check(ResourceKind kind, Rows rows, Spreadsheets.Row row,
			List<EntryContent> contents) {
		Map<String, String> values = new HashMap<>();
		rows.columns().forEach((column, index) -> values.put(column, row.cell(index)));
		Map<String, String> errors = new LinkedHashMap<>();
		EntryContent content = ImportTemplate.content(kind, new ImportTemplate.Cells(values, errors));
		this.validator.validate(content)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<EntryContent> v) -> v.getPropertyPath().toString())
				.thenComparing(ConstraintViolation::getMessage))
			.forEach((violation) -> errors.putIfAbsent(ImportTemplate.column(violation.getPropertyPath().toString()),
					violation.getMessage()));
		for (FieldError error : CatalogService.contentErrors(kind, content, CatalogService.today(this.clock))) {
			// The file's columns are in yuan: name the other column as the file does.
			errors.putIfAbsent(ImportTemplate.column(error.field()),
					error.message().replaceAll("(\\w+)Fen\\b", "$1Yuan"));
		}
		contents.add(content);
		List<String> order = ImportTemplate.columns(kind);
		return errors.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> order.indexOf(e.getKey())))
			.map((e) -> new ImportJob.RowError(row.number(), e.getKey(), e.getValue()))
			.toList();
	}

	/**
	 * Creates the entries in one transaction that also finishes the import: the import
	 * reads SUCCEEDED exactly when its entries are committed.
	 */
	private Mono<Void> create(ImportJob job, List<EntryContent> contents, CurrentUser user) {
		Progress progress = new Progress(job.id(), ImportJob.Phase.CREATING, this.separateTransaction::transactional);
		Mono<Void> createAll = this.catalog
			.createAll(job.kind(), job.organisationId(), contents, job.submitForReview(), user, progress::reach)
			.flatMap((ids) -> this.jobs
				.finish(job.id(), ImportJob.Status.SUCCEEDED, contents.size(), ids.size(), 0, List.of(), ids,
						this.clock.instant())
				.flatMap((finished) -> finished ? Mono.<Void>empty() : Mono.error(new IllegalStateException(
						"The import " + job.id() + " was marked failed while its entries were created; rolled back"))));
		return this.jobs.progress(job.id(), ImportJob.Phase.CREATING, 0, this.clock.instant())
			.then(this.transaction.transactional(createAll));
	}

	private Mono<Void> finish(ImportJob job, ImportJob.Status status, int processed, List<UUID> ids, int errorCount,
			List<ImportJob.RowError> errors) {
		return this.jobs
			.finish(job.id(), status, processed, ids.size(), errorCount, errors, ids.isEmpty() ? null : ids,
					this.clock.instant())
			.then();
	}

	/**
	 * Records why the import failed as a whole; the problem's words where there is one.
	 */
	private Mono<Void> failed(ImportJob job, Throwable ex) {
		List<ImportJob.RowError> errors = new ArrayList<>();
		if (ex instanceof ErrorResponseException response) {
			ProblemDetail problem = response.getBody();
			if (problem.getProperties() != null
					&& problem.getProperties().get(ProblemDetails.ERRORS) instanceof List<?> fields) {
				fields.stream()
					.filter(FieldError.class::isInstance)
					.map(FieldError.class::cast)
					.forEach((field) -> errors.add(new ImportJob.RowError(null, field.field(), field.message())));
			}
			if (errors.isEmpty()) {
				errors.add(new ImportJob.RowError(null, null, problem.getDetail()));
			}
		}
		else {
			log.error("Import " + job.id() + " failed", ex);
			errors.add(new ImportJob.RowError(null, null,
					"The import failed on the server; nothing was written. Please try again later."));
		}
		return finish(job, ImportJob.Status.FAILED, 0, List.of(), errors.size(), errors).onErrorResume((again) -> {
			log.error("Could not record the failure of import " + job.id(), again);
			return Mono.empty();
		});
	}

	/**
	 * Reads the file and checks its header against the kind's columns; the rows and where
	 * each column is.
	 */
	private Rows parse(ResourceKind kind, byte[] bytes) {
		Spreadsheets.Table table = Spreadsheets.read(bytes, this.properties.maxRows());
		Map<String, Integer> columns = new LinkedHashMap<>();
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < table.header().size(); i++) {
			String name = table.header().get(i);
			if (name.isEmpty()) {
				continue;
			}
			String column = ImportTemplate.canonical(kind, name);
			if (columns.putIfAbsent(column, i) != null) {
				errors.add(new FieldError("file", "has the column '" + column + "' twice"));
			}
		}
		Set<String> unknown = ImportTemplate.unknown(kind, table.header());
		List<String> missing = ImportTemplate.requiredColumns(kind)
			.stream()
			.filter((column) -> !columns.containsKey(column))
			.toList();
		if (!unknown.isEmpty()) {
			errors.add(new FieldError("file", "has columns a " + kind + " import does not know: "
					+ String.join(", ", unknown) + " (see the template for the columns)"));
		}
		if (!missing.isEmpty()) {
			errors.add(new FieldError("file", "lacks the required columns: " + String.join(", ", missing)));
		}
		if (!errors.isEmpty()) {
			InvalidRequestException invalid = new InvalidRequestException(errors);
			invalid.getBody().setProperty("unknownColumns", List.copyOf(unknown));
			invalid.getBody().setProperty("missingColumns", missing);
			throw invalid;
		}
		return new Rows(columns, table.rows());
	}

	/**
	 * @param columns where each known column is in the file
	 * @param rows the data rows
	 */
	private record Rows(Map<String, Integer> columns, List<Spreadsheets.Row> rows) {
	}

	/**
	 * @param contents every row as content
	 * @param errors the first errors
	 * @param errorCount every error
	 */
	private record Checked(List<EntryContent> contents, List<ImportJob.RowError> errors, int errorCount) {
	}

	/**
	 * Writes a phase's progress every so many rows or so much time, through
	 * {@code outside}: in a transaction of its own while entries are being created, so
	 * that others see it before they are committed.
	 */
	private final class Progress {

		private final UUID id;

		private final ImportJob.Phase phase;

		private final UnaryOperator<Mono<Void>> outside;

		private int rows;

		private int reported;

		private long reportedAt = System.nanoTime();

		Progress(UUID id, ImportJob.Phase phase, UnaryOperator<Mono<Void>> outside) {
			this.id = id;
			this.phase = phase;
			this.outside = outside;
		}

		Mono<Void> advanceBy(int count) {
			return reach(this.rows + count);
		}

		Mono<Void> reach(int rows) {
			return Mono.defer(() -> {
				this.rows = rows;
				boolean due = this.rows - this.reported >= CatalogImportService.this.properties.progressRows()
						|| System.nanoTime()
								- this.reportedAt >= CatalogImportService.this.properties.progressInterval().toNanos();
				if (!due) {
					return Mono.empty();
				}
				this.reported = this.rows;
				this.reportedAt = System.nanoTime();
				return this.outside.apply(CatalogImportService.this.jobs.progress(this.id, this.phase, this.rows,
						CatalogImportService.this.clock.instant()));
			});
		}

	}

}
