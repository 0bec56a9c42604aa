package cn.cztexchange.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.City;
import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;
import cn.cztexchange.platform.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk import: templates, dry runs that name every bad cell by row and column, real
 * imports that write every row or none, and clear problems for files that cannot be
 * imported.
 */
@IntegrationTest
class CatalogImportIntegrationTests {

	static final List<String> INSTRUMENT_COLUMNS = List.of("titleZh", "titleEn", "summaryZh", "summaryEn", "city",
			"district", "industryChains", "tags", "lat", "lon", "contactName", "contactPhone", "contactEmail", "model",
			"manufacturer", "countryOfManufacture", "category", "mainFunctions", "specifications", "lab", "address",
			"purchaseValueYuan", "serviceModes", "internalPriceYuan", "internalPriceUnit", "externalPriceYuan",
			"externalPriceUnit", "trainingRequired", "approvalRequired", "operatingStatus");

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DatabaseClient database;

	UUID organisation;

	Account publisher;

	Account admin;

	@BeforeEach
	void organisationWithAPublisher() {
		this.organisation = this.accounts.organisation(true);
		this.publisher = this.accounts.user(Role.PUBLISHER);
		this.accounts.join(this.organisation, this.publisher, MembershipRole.MEMBER);
		this.admin = this.accounts.user(Role.ADMIN);
	}

	@Test
	void theCsvTemplateIsUtf8WithBomAndParsesBack() throws IOException {
		byte[] csv = this.client.get()
			.uri("/api/v1/catalog/imports/template?kind=INSTRUMENT&format=csv")
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"czt-import-instrument.csv\"")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<CSVRecord> records = CSVFormat.DEFAULT
			.parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)))
			.getRecords();
		assertThat(records).hasSize(2);
		assertThat(records.get(0).toList()).isEqualTo(INSTRUMENT_COLUMNS);
		assertThat(records.get(1).get(0)).contains("电感耦合等离子体质谱仪");
	}

	@Test
	void theXlsxTemplateParsesBackAndEveryKindsTemplatePassesADryRun() throws IOException {
		byte[] xlsx = template("INSTRUMENT", "xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Row header = workbook.getSheetAt(0).getRow(0);
			List<String> columns = new ArrayList<>();
			header.forEach((cell) -> columns.add(cell.getStringCellValue()));
			assertThat(columns).isEqualTo(INSTRUMENT_COLUMNS);
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).contains("质谱仪");
		}
		for (String kind : List.of("INSTRUMENT", "SERVICE", "LITERATURE", "TECH_OFFERING", "FINANCING", "TECH_NEED")) {
			for (String format : List.of("csv", "xlsx")) {
				Map<String, Object> job = awaitFinished(
						start(template(kind, format), "template." + format, kind, true, false));
				assertThat(job.get("status")).as(kind + " " + format + ": " + job.get("errors")).isEqualTo("SUCCEEDED");
			}
		}
	}

	@Test
	void aDryRunOfAValidCsvChecksEveryRowAndWritesNothing() {
		byte[] csv = csv(INSTRUMENT_COLUMNS, instrumentRow("质谱仪一"), instrumentRow("质谱仪二"), instrumentRow("质谱仪三"));
		Map<String, Object> job = awaitFinished(start(csv, "仪器.csv", "INSTRUMENT", null, null).expectStatus()
			.isAccepted()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (location) -> assertThat(location).startsWith("/api/v1/catalog/imports/")));
		assertThat(job).containsEntry("status", "SUCCEEDED")
			.containsEntry("dryRun", true)
			.containsEntry("fileName", "仪器.csv")
			.containsEntry("totalRows", 3)
			.containsEntry("processedRows", 3)
			.containsEntry("createdCount", 0)
			.containsEntry("errorCount", 0);
		assertThat(entriesOfOrganisation()).isZero();
	}

	@Test
	void aDryRunNamesEveryBadCellByRowAndColumn() {
		List<String> good = instrumentRow("合格");
		List<String> badCity = with(instrumentRow("城市错误"), "city", "BEIJING");
		List<String> badLat = with(instrumentRow("纬度错误"), "lat", "north");
		List<String> twoBad = with(with(instrumentRow(""), "trainingRequired", "maybe"), "titleZh", "");
		List<String> badMoney = with(instrumentRow("金额错误"), "purchaseValueYuan", "1.234");
		List<String> outOfArea = with(with(instrumentRow("位置错误"), "lat", "39.9"), "serviceModes", "");
		byte[] csv = csv(INSTRUMENT_COLUMNS, good, badCity, badLat, List.of(), twoBad, badMoney, outOfArea);
		Map<String, Object> job = awaitFinished(start(csv, "bad.csv", "INSTRUMENT", true, false));
		assertThat(job).containsEntry("status", "FAILED").containsEntry("totalRows", 6).containsEntry("errorCount", 7);
		assertThat(errors(job)).containsExactly(error(3, "city", null),
				error(4, "lat", "must be a number, such as 28.17"), error(6, "titleZh", "must not be blank"),
				error(6, "trainingRequired", "must be true or false (是 or 否)"),
				error(7, "purchaseValueYuan", "must be an amount in yuan with at most 2 decimals"),
				error(8, "lat", "must lie in the CZT area (26°N–29.5°N)"),
				error(8, "serviceModes", "must offer machine time, sample submission or both"));
		assertThat(entriesOfOrganisation()).isZero();
	}

	@Test
	void needsAndFinancingCriteriaHaveColumnsOfTheirOwn() {
		List<String> needColumns = ImportTemplate.columns(ResourceKind.TECH_NEED);
		assertThat(needColumns).endsWith("needType", "budgetMinYuan", "budgetMaxYuan", "deadline", "dealModes",
				"minTrl");
		String later = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(2).toString();
		List<String> good = needRow(needColumns, "JOINT_DEVELOPMENT", "50", "200", later.replace('-', '/'));
		List<String> past = needRow(needColumns, "CONSULTING", "", "", "2020-01-01");
		List<String> upsideDown = needRow(needColumns, "PROBLEM_SOLVING", "300", "100", "");
		List<String> badDate = needRow(needColumns, "LICENCE_IN", "", "", "明年");
		Map<String, Object> job = awaitFinished(
				start(csv(needColumns, good, past, upsideDown, badDate), "needs.csv", "TECH_NEED", true, false));
		assertThat(job).containsEntry("status", "FAILED").containsEntry("errorCount", 3);
		assertThat(errors(job)).containsExactly(
				error(3, "deadline",
						"must not be in the past (today is " + LocalDate.now(ZoneId.of("Asia/Shanghai"))
								+ " in Asia/Shanghai)"),
				error(4, "budgetMinYuan", "must not exceed budgetMaxYuan"),
				error(5, "deadline", "must be a date such as 2026-12-31"));

		Map<String, Object> imported = awaitFinished(
				start(csv(needColumns, good), "need.csv", "TECH_NEED", false, false));
		TechNeedDetails need = entry(createdEntryIds(imported).get(0)).draft().techNeed();
		assertThat(need.needType()).isEqualTo(TechNeedDetails.NeedType.JOINT_DEVELOPMENT);
		assertThat(need.budgetMinFen()).isEqualTo(5_000L);
		assertThat(need.deadline()).isEqualTo(LocalDate.parse(later));
		assertThat(need.minTrl()).isEqualTo(5);

		List<String> financingColumns = ImportTemplate.columns(ResourceKind.FINANCING);
		List<String> financing = new ArrayList<>(ImportTemplate.example(ResourceKind.FINANCING, LocalDate.now()));
		financing.set(financingColumns.indexOf("cities"), "株洲；XIANGTAN");
		financing.set(financingColumns.indexOf("requiredQualifications"), "high-tech enterprise;LITTLE_GIANT");
		Map<String, Object> criteria = awaitFinished(
				start(csv(financingColumns, financing), "financing.csv", "FINANCING", false, false));
		FinancingDetails details = entry(createdEntryIds(criteria).get(0)).draft().financing();
		assertThat(details.cities()).containsExactlyInAnyOrder(City.ZHUZHOU, City.XIANGTAN);
		assertThat(details.requiredQualifications()).containsExactlyInAnyOrder(Qualification.HIGH_TECH_ENTERPRISE,
				Qualification.LITTLE_GIANT);
		financing.set(financingColumns.indexOf("cities"), "北京");
		assertThat(errors(awaitFinished(start(csv(financingColumns, financing), "f.csv", "FINANCING", true, false))))
			.extracting((error) -> error.get("column"))
			.containsExactly("cities");
	}

	private static List<String> needRow(List<String> columns, String needType, String budgetMin, String budgetMax,
			String deadline) {
		List<String> row = new ArrayList<>(ImportTemplate.example(ResourceKind.TECH_NEED, LocalDate.now()));
		row.set(columns.indexOf("needType"), needType);
		row.set(columns.indexOf("budgetMinYuan"), budgetMin);
		row.set(columns.indexOf("budgetMaxYuan"), budgetMax);
		row.set(columns.indexOf("deadline"), deadline);
		row.set(columns.indexOf("minTrl"), "5");
		return row;
	}

	@Test
	void aRealImportOfAnXlsxCreatesEveryRowAsADraft() {
		byte[] xlsx = xlsx(INSTRUMENT_COLUMNS, instrumentRow("导入一"), instrumentRow("导入二"), instrumentRow("导入三"));
		Map<String, Object> job = awaitFinished(start(xlsx, "instruments.xlsx", "INSTRUMENT", false, false));
		assertThat(job).containsEntry("status", "SUCCEEDED")
			.containsEntry("createdCount", 3)
			.containsEntry("processedRows", 3);
		List<String> ids = createdEntryIds(job);
		assertThat(ids).hasSize(3);
		CatalogEntryResponse first = entry(ids.get(0));
		assertThat(first.status()).isEqualTo(EntryStatus.DRAFT);
		assertThat(first.review()).isEqualTo(ReviewState.EDITING);
		assertThat(first.draft().titleZh()).isEqualTo("导入一");
		assertThat(first.draft().instrument().externalPrice().amountFen()).isEqualTo(80050L);
		assertThat(first.draft().instrument().purchaseValueFen()).isEqualTo(120000000L);
		assertThat(first.draft().instrument().trainingRequired()).isTrue();
		assertThat(first.draft().location().lat()).isEqualTo(28.17);
		assertThat(entriesOfOrganisation()).isEqualTo(3);
	}

	@Test
	void aRealImportCanSubmitEveryDraftForReview() {
		byte[] xlsx = xlsx(INSTRUMENT_COLUMNS, instrumentRow("待审一"), instrumentRow("待审二"));
		Map<String, Object> job = awaitFinished(start(xlsx, "instruments.xlsx", "INSTRUMENT", false, true));
		assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("createdCount", 2);
		for (String id : createdEntryIds(job)) {
			assertThat(entry(id).review()).isEqualTo(ReviewState.PENDING);
			this.client.post()
				.uri("/api/v1/admin/catalog/entries/{id}/approve", id)
				.headers((h) -> h.setBearerAuth(this.admin.token()))
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

	@Test
	void aRealImportWithOneBadRowWritesNothing() {
		byte[] xlsx = xlsx(INSTRUMENT_COLUMNS, instrumentRow("好一"), instrumentRow("好二"),
				with(instrumentRow("坏"), "operatingStatus", "BROKEN"));
		Map<String, Object> job = awaitFinished(start(xlsx, "instruments.xlsx", "INSTRUMENT", false, false));
		assertThat(job).containsEntry("status", "FAILED")
			.containsEntry("createdCount", 0)
			.containsEntry("errorCount", 1);
		assertThat(errors(job)).singleElement().satisfies((error) -> {
			assertThat(error).containsEntry("row", 4).containsEntry("column", "operatingStatus");
			assertThat((String) error.get("message")).contains("IN_SERVICE", "BROKEN");
		});
		assertThat(entriesOfOrganisation()).isZero();
	}

	/**
	 * A database failure on the third row's insert (a trigger stands in for it) rolls
	 * back the two rows already written.
	 */
	@Test
	void aFailureWhileCreatingRollsBackEveryRow() {
		String poison = "触发失败 " + UUID.randomUUID();
		this.database
			.sql("create function fail_import_test() returns trigger language plpgsql as $$ begin "
					+ "if new.draft->>'titleZh' = '" + poison + "' then raise exception 'simulated failure'; end if; "
					+ "return new; end; $$")
			.then()
			.then(this.database
				.sql("create trigger fail_import_test before insert on catalog_entries "
						+ "for each row execute function fail_import_test()")
				.then())
			.block();
		try {
			byte[] csv = csv(INSTRUMENT_COLUMNS, instrumentRow("先写入一"), instrumentRow("先写入二"), instrumentRow(poison));
			Map<String, Object> job = awaitFinished(start(csv, "x.csv", "INSTRUMENT", false, false));
			assertThat(job).containsEntry("status", "FAILED").containsEntry("createdCount", 0);
			assertThat(errors(job)).singleElement()
				.satisfies((error) -> assertThat((String) error.get("message")).contains("nothing was written"));
			assertThat(entriesOfOrganisation()).isZero();
		}
		finally {
			this.database.sql("drop trigger fail_import_test on catalog_entries")
				.then()
				.then(this.database.sql("drop function fail_import_test()").then())
				.block();
		}
	}

	/** An import whose server died stops moving; the next look at it marks it failed. */
	@Test
	void anImportLeftRunningByADeadServerIsMarkedFailed() {
		UUID id = UUID.randomUUID();
		Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
		this.database.sql("insert into catalog_import (id, organisation_id, kind, file_name, dry_run, "
				+ "submit_for_review, status, phase, total_rows, processed_rows, created_count, error_count, errors, "
				+ "created_by, created_at, updated_at) values (:id, :organisation, 'INSTRUMENT', 'old.csv', false, "
				+ "false, 'RUNNING', 'CREATING', 10, 4, 0, 0, '[]'::jsonb, :user, :at, :at)")
			.bind("id", id)
			.bind("organisation", this.organisation)
			.bind("user", this.publisher.id())
			.bind("at", hourAgo)
			.then()
			.block();
		get(this.publisher, "/api/v1/catalog/imports/" + id).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("FAILED")
			.jsonPath("$.errorCount")
			.isEqualTo(1)
			.jsonPath("$.errors[0].message")
			.value((String message) -> assertThat(message).contains("interrupted", "nothing was written"))
			.jsonPath("$.finishedAt")
			.exists();
	}

	@Test
	void progressReachesTheTotalOnLargeFiles() {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			rows.add(instrumentRow("批量仪器 " + i));
		}
		Map<String, Object> job = awaitFinished(
				start(csv(INSTRUMENT_COLUMNS, rows), "many.csv", "INSTRUMENT", false, false));
		assertThat(job).containsEntry("status", "SUCCEEDED")
			.containsEntry("phase", "DONE")
			.containsEntry("totalRows", 400)
			.containsEntry("processedRows", 400)
			.containsEntry("createdCount", 400);
		assertThat(entriesOfOrganisation()).isEqualTo(400);
	}

	@Test
	void filesThatCannotBeImportedAreRefusedAtOnce() {
		byte[] valid = csv(INSTRUMENT_COLUMNS, instrumentRow("一"));
		problem(start(new byte[11 * 1024 * 1024], "huge.csv", "INSTRUMENT", true, false), 413);
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i <= 5000; i++) {
			rows.add(List.of("仪器", "", "摘要", "", "CHANGSHA"));
		}
		fileProblem(csv(List.of("titleZh", "titleEn", "summaryZh", "summaryEn", "city"), rows), "many.csv",
				"has more than 5000 data rows");
		List<String> columns = new ArrayList<>(INSTRUMENT_COLUMNS);
		columns.set(columns.indexOf("lab"), "laboratory");
		columns.remove("category");
		problem(start(csv(columns, instrumentRow("一")), "x.csv", "INSTRUMENT", true, false), 400)
			.jsonPath("$.errors[*].message")
			.value((List<String> messages) -> assertThat(messages)
				.anySatisfy((message) -> assertThat(message).contains("laboratory"))
				.anySatisfy((message) -> assertThat(message).contains("lacks the required columns: category")))
			.jsonPath("$.unknownColumns[0]")
			.isEqualTo("laboratory")
			.jsonPath("$.missingColumns[0]")
			.isEqualTo("category");
		fileProblem(pngBytes(), "instruments.csv", "must be a spreadsheet");
		fileProblem("PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1), "x.xlsx",
				"is not a readable Excel workbook");
		fileProblem(new byte[0], "empty.csv", "must not be empty");
		fileProblem("titleZh,summaryZh,city\n".getBytes(StandardCharsets.UTF_8), "header-only.csv", "no data rows");
		problem(this.client.post()
			.uri("/api/v1/catalog/imports")
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.bodyValue(form(null, "nope", "TELEPORTER", "maybe").build())
			.exchange(), 400).jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields).containsExactlyInAnyOrder("organisationId", "kind",
					"dryRun", "file"));
		problem(start(valid, "valid.csv", "SERVICE", true, false), 400);
		assertThat(entriesOfOrganisation()).isZero();
	}

	@Test
	void onlyPublishersOfTheOrganisationImportAndOnlyMembersSeeTheImport() {
		Account outsider = this.accounts.user(Role.PUBLISHER);
		this.accounts.join(this.accounts.organisation(true), outsider, MembershipRole.MANAGER);
		byte[] csv = csv(INSTRUMENT_COLUMNS, instrumentRow("一"));
		problem(start(outsider, csv, "x.csv", "INSTRUMENT", true, false), 403);
		Account member = this.accounts.user(Role.RESEARCHER);
		this.accounts.join(this.organisation, member, MembershipRole.MEMBER);
		problem(start(member, csv, "x.csv", "INSTRUMENT", true, false), 403);

		String location = start(csv, "x.csv", "INSTRUMENT", true, false).expectStatus()
			.isAccepted()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		get(member, location).expectStatus().isOk();
		get(this.admin, location).expectStatus().isOk();
		get(outsider, location).expectStatus().isNotFound();

		UUID unverified = this.accounts.organisation(false);
		this.accounts.join(unverified, this.publisher, MembershipRole.MANAGER);
		MultipartBodyBuilder submitting = form(Uploading.file(csv, "x.csv"), unverified.toString(), "INSTRUMENT",
				"false");
		submitting.part("submitForReview", "true");
		problem(this.client.post()
			.uri("/api/v1/catalog/imports")
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.bodyValue(submitting.build())
			.exchange(), 409);
	}

	private WebTestClient.BodyContentSpec fileProblem(byte[] file, String name, String message) {
		return problem(start(file, name, "INSTRUMENT", true, false), 400).jsonPath("$.errors[0].field")
			.isEqualTo("file")
			.jsonPath("$.errors[0].message")
			.value((String text) -> assertThat(text).contains(message));
	}

	private static WebTestClient.BodyContentSpec problem(ResponseSpec response, int status) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(status);
	}

	private byte[] template(String kind, String format) {
		return this.client.get()
			.uri("/api/v1/catalog/imports/template?kind={kind}&format={format}", kind, format)
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	private ResponseSpec start(byte[] file, String name, String kind, Boolean dryRun, Boolean submit) {
		return start(this.publisher, file, name, kind, dryRun, submit);
	}

	private ResponseSpec start(Account account, byte[] file, String name, String kind, Boolean dryRun, Boolean submit) {
		MultipartBodyBuilder body = form(Uploading.file(file, name), this.organisation.toString(), kind,
				(dryRun != null) ? dryRun.toString() : null);
		if (submit != null) {
			body.part("submitForReview", submit.toString());
		}
		return this.client.post()
			.uri("/api/v1/catalog/imports")
			.headers((h) -> h.setBearerAuth(account.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.bodyValue(body.build())
			.exchange();
	}

	private static MultipartBodyBuilder form(MultipartBodyBuilder body, String organisationId, String kind,
			String dryRun) {
		MultipartBodyBuilder form = (body != null) ? body : new MultipartBodyBuilder();
		form.part("organisationId", organisationId);
		form.part("kind", kind);
		if (dryRun != null) {
			form.part("dryRun", dryRun);
		}
		return form;
	}

	private Map<String, Object> awaitFinished(ResponseSpec started) {
		Map<String, Object> job = started.expectStatus()
			.isAccepted()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(job).containsEntry("status", "RUNNING");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			Map<String, Object> current = get(this.publisher, "/api/v1/catalog/imports/" + job.get("id")).expectStatus()
				.isOk()
				.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.returnResult()
				.getResponseBody();
			assertThat((Integer) current.get("processedRows")).isLessThanOrEqualTo((Integer) current.get("totalRows"));
			if (!"RUNNING".equals(current.get("status"))) {
				assertThat(current.get("finishedAt")).isNotNull();
				return current;
			}
			assertThat(Instant.now()).as("import finished in time").isBefore(deadline);
			sleep();
		}
	}

	private ResponseSpec get(Account account, String path) {
		return this.client.get().uri(path).headers((h) -> h.setBearerAuth(account.token())).exchange();
	}

	private long entriesOfOrganisation() {
		return this.client.get()
			.uri("/api/v1/catalog/entries?organisationId={id}", this.organisation)
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Page<CatalogEntryResponse>>() {
			})
			.returnResult()
			.getResponseBody()
			.total();
	}

	private CatalogEntryResponse entry(String id) {
		return get(this.publisher, "/api/v1/catalog/entries/" + id).expectStatus()
			.isOk()
			.expectBody(CatalogEntryResponse.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> errors(Map<String, Object> job) {
		return (List<Map<String, Object>>) job.get("errors");
	}

	@SuppressWarnings("unchecked")
	private static List<String> createdEntryIds(Map<String, Object> job) {
		return (List<String>) job.get("createdEntryIds");
	}

	/** A row error; a null message matches any. */
	private static Map<String, Object> error(int row, String column, String message) {
		return (message != null) ? Map.of("row", row, "column", column, "message", message) : Map.of("row", row,
				"column", column, "message", "must be one of CHANGSHA, ZHUZHOU, XIANGTAN " + "('BEIJING' is not)");
	}

	static List<String> instrumentRow(String titleZh) {
		return List.of(titleZh, "Mass spectrometer", "可测定 70 余种元素。", "", "长沙", "岳麓区", "NEW_MATERIALS；BIOMEDICINE",
				"质谱;ICP-MS", "28.17", "112.93", "张老师", "0731-88880000", "zhang@example.com", "7900", "Agilent", "美国",
				"analytical", "痕量元素分析", "", "分析测试中心", "", "1,200,000", "SAMPLE_SUBMISSION;MACHINE_TIME", "", "",
				"800.5", "PER_SAMPLE", "是", "no", "IN_SERVICE");
	}

	static List<String> with(List<String> row, String column, String value) {
		List<String> changed = new ArrayList<>(row);
		changed.set(INSTRUMENT_COLUMNS.indexOf(column), value);
		return changed;
	}

	@SafeVarargs
	static byte[] csv(List<String> header, List<String>... rows) {
		List<List<String>> list = new ArrayList<>();
		for (List<String> row : rows) {
			list.add(row);
		}
		return csv(header, list);
	}

	static byte[] csv(List<String> header, List<List<String>> rows) {
		StringBuilder text = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT)) {
			printer.printRecord(header);
			for (List<String> row : rows) {
				if (row.isEmpty()) {
					printer.println();
				}
				else {
					printer.printRecord(row);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A workbook as Excel users make them: numbers as numbers, the rest as text. */
	@SafeVarargs
	static byte[] xlsx(List<String> header, List<String>... rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("仪器");
			Row first = sheet.createRow(0);
			for (int i = 0; i < header.size(); i++) {
				first.createCell(i).setCellValue(header.get(i));
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 1);
				for (int i = 0; i < rows[r].size(); i++) {
					String value = rows[r].get(i);
					if (value.matches("-?\\d+(\\.\\d+)?")) {
						row.createCell(i).setCellValue(Double.parseDouble(value));
					}
					else if (!value.isEmpty()) {
						row.createCell(i).setCellValue(value);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] pngBytes() {
		return new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
