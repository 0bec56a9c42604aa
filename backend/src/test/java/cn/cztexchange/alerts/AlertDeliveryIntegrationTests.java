package cn.cztexchange.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.catalog.CatalogTestEntries;
import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;
import cn.cztexchange.notification.TestMailServer;
import cn.cztexchange.platform.OutboxRow;
import cn.cztexchange.search.SearchIndexProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts end to end, against the real PostgreSQL, Elasticsearch and SMTP server: an entry
 * published through the catalogue is indexed, matched against the saved searches,
 * recorded as a hit once and announced in the app; the daily digest mails what the digest
 * searches found, once, however many replicas send it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertDeliveryIntegrationTests {

	/**
	 * How long an alert may take at most: it passes the indexer, the matching and the
	 * notices' delivery, each woken by NOTIFY, on busy two-core test machines.
	 */
	static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SearchIndexProbe index;

	@Autowired
	AlertDigest digest;

	@Autowired
	DatabaseClient database;

	@Autowired
	SavedSearchCheckHandler handler;

	@Autowired
	TransactionalOperator transaction;

	UUID organisation;

	Account publisher;

	Account admin;

	@BeforeAll
	void publisher() {
		this.organisation = this.accounts.organisation(true);
		this.publisher = this.accounts.user(Role.PUBLISHER);
		this.accounts.join(this.organisation, this.publisher, MembershipRole.MANAGER);
		this.admin = this.accounts.user(Role.ADMIN);
	}

	@Test
	void aNewEntryThatMatchesASavedSearchIsAHitAndAnInAppNotice() throws Exception {
		String tag = tag();
		Account user = chineseUser(Role.RESEARCHER);
		String search = save(user, "长沙质谱 " + tag, "tag=" + tag + "&city=CHANGSHA", false);

		UUID entry = publish("警报测试质谱仪 " + tag, tag, "CHANGSHA");

		Map<String, Object> notice = awaitNotices(user, 1).get(0);
		assertThat(notice).containsEntry("title", "订阅的搜索有 1 条新结果：长沙质谱 " + tag)
			.containsEntry("body", "警报测试质谱仪 " + tag)
			.containsEntry("link", "/search?city=CHANGSHA&tag=" + tag);
		this.client.get()
			.uri(SavedSearchIntegrationTests.BASE + "/" + search + "/hits")
			.headers((h) -> h.setBearerAuth(user.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(1)
			.jsonPath("$.items[0].entryId")
			.isEqualTo(entry.toString())
			.jsonPath("$.items[0].published")
			.isEqualTo(true)
			.jsonPath("$.items[0].kind")
			.isEqualTo("INSTRUMENT")
			.jsonPath("$.items[0].titleZh")
			.isEqualTo("警报测试质谱仪 " + tag)
			.jsonPath("$.items[0].city")
			.isEqualTo("CHANGSHA");
		this.client.get()
			.uri(SavedSearchIntegrationTests.BASE)
			.headers((h) -> h.setBearerAuth(user.token()))
			.exchange()
			.expectBody()
			.jsonPath("$[0].hitCount")
			.isEqualTo(1);
		// In-app only: the digest is what goes by email.
		Thread.sleep(1500);
		assertThat(TestMailServer.receivedBy(user.email())).isEmpty();
	}

	@Test
	void anEntryThatDoesNotMatchAlertsNobody() {
		String tag = tag();
		Account user = chineseUser(Role.FIRM);
		String search = save(user, "株洲 " + tag, "tag=" + tag + "&city=ZHUZHOU", false);
		UUID elsewhere = publish("长沙的仪器 " + tag, tag, "CHANGSHA");
		this.index.awaitIndexed(elsewhere, "长沙的仪器 " + tag);

		// Published after the one that does not match, so matched after it: once this one
		// is announced, the other has been looked at.
		UUID matching = publish("株洲的仪器 " + tag, tag, "ZHUZHOU");

		List<Map<String, Object>> notices = awaitNotices(user, 1);
		assertThat(notices).singleElement()
			.satisfies((notice) -> assertThat(notice).containsEntry("body", "株洲的仪器 " + tag));
		assertThat(hitIds(user, search)).containsExactly(matching.toString());
	}

	@Test
	void anEntryAlertsASavedSearchOnceEvenWhenAnEditReindexesIt() {
		String tag = tag();
		Account user = chineseUser(Role.RESEARCHER);
		String search = save(user, "编辑 " + tag, "tag=" + tag, false);
		UUID entry = publish("编辑前的仪器 " + tag, tag, "XIANGTAN");
		awaitNotices(user, 1);

		edit(entry, "编辑后的仪器 " + tag, tag);
		this.index.awaitIndexed(entry, "编辑后的仪器 " + tag);
		UUID later = publish("后来的仪器 " + tag, tag, "XIANGTAN");

		List<Map<String, Object>> notices = awaitNotices(user, 2);
		assertThat(notices.get(0)).containsEntry("title", "订阅的搜索有 1 条新结果：编辑 " + tag)
			.containsEntry("body", "后来的仪器 " + tag);
		assertThat(hitIds(user, search)).containsExactly(later.toString(), entry.toString());
	}

	@Test
	void severalSavedSearchesOfSeveralUsersAreEachToldOnceInTheirLanguage() {
		String tag = tag();
		Account chinese = chineseUser(Role.RESEARCHER);
		Account english = this.accounts.user(Role.INVESTOR);
		save(chinese, "全部 " + tag, "tag=" + tag, false);
		save(chinese, "湘潭 " + tag, "tag=" + tag + "&city=XIANGTAN", false);
		save(english, "All " + tag, "q=" + tag, false);
		save(english, "Financing " + tag, "tag=" + tag + "&kind=FINANCING", false);

		publish("湘潭的质谱仪 " + tag, tag, "XIANGTAN");

		assertThat(awaitNotices(chinese, 2)).extracting((notice) -> notice.get("title"))
			.containsExactlyInAnyOrder("订阅的搜索有 1 条新结果：全部 " + tag, "订阅的搜索有 1 条新结果：湘潭 " + tag);
		assertThat(awaitNotices(english, 1)).singleElement()
			.satisfies((notice) -> assertThat(notice)
				.containsEntry("title", "1 new result for your saved search All " + tag)
				.containsEntry("body", "Inductively coupled plasma mass spectrometer"));
	}

	@Test
	void matchingRecordsNothingWhenItsTransactionRollsBackAndAlertsOnceWhenItCommits() {
		String tag = tag();
		Account early = chineseUser(Role.RESEARCHER);
		save(early, "早 " + tag, "tag=" + tag, false);
		UUID entry = publish("回滚测试仪器 " + tag, tag, "CHANGSHA");
		// Once the early saved search is told, the entry's own batch has been matched:
		// a saved search made now has not seen it.
		awaitNotices(early, 1);
		Account late = chineseUser(Role.FIRM);
		String search = save(late, "晚 " + tag, "tag=" + tag, false);
		OutboxRow row = new OutboxRow(0, entry.toString(),
				"{\"entries\":[{\"id\":\"" + entry + "\",\"kind\":\"INSTRUMENT\"}]}", Instant.now());

		Mono<Void> failed = this.handler.handle(List.of(row))
			.then(Mono.error(new IllegalStateException("the round failed after matching")));
		StepVerifier.create(failed.as(this.transaction::transactional))
			.expectErrorMessage("the round failed after matching")
			.verify();
		assertThat(hitIds(late, search)).isEmpty();

		StepVerifier.create(this.handler.handle(List.of(row)).as(this.transaction::transactional)).verifyComplete();
		assertThat(hitIds(late, search)).containsExactly(entry.toString());
		assertThat(awaitNotices(late, 1)).singleElement()
			.satisfies((notice) -> assertThat(notice).containsEntry("body", "回滚测试仪器 " + tag));
		// The early one had found it already: not told again (its notice would have come
		// in the same outbox row as the late one's, delivered in one transaction).
		assertThat(awaitNotices(early, 1)).hasSize(1);
	}

	@Test
	void theDigestMailsTheNewResultsOfDigestSearchesOnce() throws Exception {
		String tag = tag();
		String other = tag();
		Account user = chineseUser(Role.RESEARCHER);
		save(user, "每日 " + tag, "tag=" + tag, true);
		save(user, "不要邮件 " + other, "tag=" + other, false);
		publish("摘要里的仪器 " + tag, tag, "CHANGSHA");
		publish("摘要外的仪器 " + other, other, "CHANGSHA");
		awaitNotices(user, 2);

		this.digest.send().block();

		MimeMessage mail = awaitMail(user);
		assertThat(mail.getSubject()).isEqualTo("订阅搜索每日摘要：1 条新结果");
		assertThat(((String) mail.getContent()).replace("\r\n", "\n").stripTrailing())
			.isEqualTo("每日 " + tag + "（1 条新结果）\n· 摘要里的仪器 " + tag + "\n\nhttps://czt.test/saved-searches");
		assertThat(awaitNotices(user, 3, AlertNotices.DIGEST).get(0)).containsEntry("link", "/saved-searches");

		this.digest.send().block();
		Thread.sleep(2500);
		assertThat(TestMailServer.receivedBy(user.email())).hasSize(1);
	}

	@Test
	void replicasSendingTheDigestAtOnceMailEachUserOnceInTheirLanguage() throws Exception {
		String tag = tag();
		UUID first = publish("并发摘要仪器一 " + tag, tag, "ZHUZHOU");
		UUID second = publish("并发摘要仪器二 " + tag, tag, "ZHUZHOU");
		// The test accounts use English unless told otherwise.
		List<Account> users = List.of(chineseUser(Role.RESEARCHER), chineseUser(Role.FIRM),
				this.accounts.user(Role.INVESTOR));
		for (Account user : users) {
			// Saved after the entries were published: their hits are written here, as
			// the matching would have.
			String search = save(user, "并发 " + tag, "tag=" + tag, true);
			hit(search, first);
			hit(search, second);
		}

		Mono.zip(this.digest.send(), this.digest.send()).block();

		for (Account user : users) {
			awaitMail(user);
		}
		Thread.sleep(2500);
		for (Account user : users) {
			assertThat(TestMailServer.receivedBy(user.email())).as(user.email()).hasSize(1);
		}
		assertThat(TestMailServer.receivedBy(users.get(0).email()).get(0).getSubject()).isEqualTo("订阅搜索每日摘要：2 条新结果");
		MimeMessage english = TestMailServer.receivedBy(users.get(2).email()).get(0);
		assertThat(english.getSubject()).isEqualTo("Your saved searches today: 2 new results");
		assertThat((String) english.getContent()).contains("并发 " + tag + " (2 new results)");
	}

	private String tag() {
		return "al" + UUID.randomUUID().toString().substring(0, 8);
	}

	private UUID publish(String titleZh, String tag, String city) {
		return CatalogTestEntries.publish(this.client, this.publisher, this.admin, entry(titleZh, tag, city));
	}

	private Map<String, Object> entry(String titleZh, String tag, String city) {
		Map<String, Object> request = CatalogTestEntries.instrument(this.organisation, titleZh);
		@SuppressWarnings("unchecked")
		Map<String, Object> content = (Map<String, Object>) request.get("content");
		content.put("tags", List.of(tag));
		content.put("city", city);
		return request;
	}

	/** A new version of the published entry, submitted and approved. */
	@SuppressWarnings("unchecked")
	private void edit(UUID id, String titleZh, String tag) {
		Map<String, Object> current = this.client.get()
			.uri("/api/v1/catalog/entries/{id}", id)
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> content = (Map<String, Object>) entry(titleZh, tag, "XIANGTAN").get("content");
		this.client.put()
			.uri("/api/v1/catalog/entries/{id}", id)
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("content", content, "version", current.get("version")))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.post()
			.uri("/api/v1/catalog/entries/{id}/submit", id)
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.post()
			.uri("/api/v1/admin/catalog/entries/{id}/approve", id)
			.headers((h) -> h.setBearerAuth(this.admin.token()))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private String save(Account user, String name, String query, boolean emailDigest) {
		return (String) this.client.post()
			.uri(SavedSearchIntegrationTests.BASE)
			.headers((h) -> h.setBearerAuth(user.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", name, "query", query, "emailDigest", emailDigest))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	private void hit(String savedSearch, UUID entry) {
		this.database
			.sql("insert into saved_search_hits (saved_search_id, entry_id, found_at) values (:search, :entry, :at) "
					+ "on conflict do nothing")
			.bind("search", UUID.fromString(savedSearch))
			.bind("entry", entry)
			.bind("at", Instant.now())
			.then()
			.block();
	}

	private Account chineseUser(Role role) {
		Account user = this.accounts.user(role);
		locale(user, "zh-CN");
		return user;
	}

	private void locale(Account user, String locale) {
		this.client.patch()
			.uri("/api/v1/me")
			.headers((h) -> h.setBearerAuth(user.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("locale", locale))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@SuppressWarnings("unchecked")
	private List<String> hitIds(Account user, String search) {
		Map<String, Object> page = this.client.get()
			.uri(SavedSearchIntegrationTests.BASE + "/" + search + "/hits")
			.headers((h) -> h.setBearerAuth(user.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((List<Map<String, Object>>) page.get("items")).stream()
			.map((item) -> (String) item.get("entryId"))
			.toList();
	}

	private List<Map<String, Object>> awaitNotices(Account user, int count) {
		return awaitNotices(user, count, null);
	}

	/**
	 * The user's alert notifications (or all, once one of type {@code newest} is the
	 * newest), newest first, once there are {@code count}.
	 */
	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> awaitNotices(Account user, int count, String newest) {
		return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
			Map<String, Object> page = this.client.get()
				.uri("/api/v1/notifications?size=50")
				.headers((h) -> h.setBearerAuth(user.token()))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			return ((List<Map<String, Object>>) page.get("items")).stream()
				.filter((item) -> (newest != null) || AlertNotices.HITS.equals(item.get("type")))
				.toList();
		}, (items) -> items.size() >= count && (newest == null || newest.equals(items.get(0).get("type"))));
	}

	private MimeMessage awaitMail(Account user) {
		return Awaitility.await()
			.atMost(WAIT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> TestMailServer.receivedBy(user.email()), (mails) -> !mails.isEmpty())
			.get(0);
	}

}
