package cn.cztexchange.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.r2dbc.spi.ConnectionFactory;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;
import cn.cztexchange.identity.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications end to end, against the real PostgreSQL and a real SMTP server
 * ({@link TestMailServer}): committed with the caller's transaction or not at all,
 * emailed through the outbox, kept while the mail server is down, and each user's own
 * list.
 */
@IntegrationTest
class NotificationIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionalOperator transaction;

	@Autowired
	DatabaseClient database;

	@Autowired
	Clock clock;

	@Autowired
	ConnectionFactory connectionFactory;

	@Autowired
	NotificationRepository notificationRepository;

	@Autowired
	UserDirectory users;

	@Autowired
	ObjectProvider<JavaMailSender> mailSenders;

	@Autowired
	NotificationProperties properties;

	@Test
	void aNotificationInATransactionThatRollsBackLeavesNeitherTheRowNorAnEmail() throws Exception {
		Account user = this.accounts.user(Role.RESEARCHER);
		Instant before = this.clock.instant();
		Mono<Void> change = this.notifications
			.notify(new Notification(user.id(), "BOOKING_APPROVED", "预约已批准", "您的预约已批准。", "/bookings/1", true))
			.then(Mono.error(new IllegalStateException("the change it announces failed")));

		StepVerifier.create(change.as(this.transaction::transactional))
			.expectErrorMessage("the change it announces failed")
			.verify();

		assertThat(rows(user.id())).isZero();
		// The tests run one at a time: an email row written since would be this one.
		assertThat(this.database.sql("select count(*) from outbox where topic = 'email' and created_at >= :before")
			.bind("before", before)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isZero();
		Thread.sleep(2500);
		assertThat(TestMailServer.receivedBy(user.email())).isEmpty();
	}

	@Test
	void notificationsOfSeveralUsersCommitWithTheCallersTransaction() {
		Account first = this.accounts.user(Role.RESEARCHER);
		Account second = this.accounts.user(Role.FIRM);
		Mono<Void> change = this.notifications.notifyAll(
				List.of(new Notification(first.id(), "BOOKING_REQUESTED", "New request", "A request.", null, false),
						new Notification(second.id(), "BOOKING_REQUESTED", "新的预约", "一个预约。", "/bookings/2", false)));

		StepVerifier.create(change.as(this.transaction::transactional)).verifyComplete();

		assertThat(rows(first.id())).isOne();
		assertThat(rows(second.id())).isOne();
	}

	@Test
	void anEmailNotificationArrivesAtTheMailServerWithSubjectBodyAndLink() throws Exception {
		Account user = this.accounts.user(Role.RESEARCHER);
		UUID booking = UUID.randomUUID();
		this.notifications
			.notify(new Notification(user.id(), "BOOKING_APPROVED", "预约已批准：高分辨率质谱仪", "您在 12 月 1 日 09:30 的预约已批准。",
					"/bookings/" + booking, true))
			.block();

		MimeMessage mail = awaitMail(user.email());

		assertThat(mail.getSubject()).isEqualTo("预约已批准：高分辨率质谱仪");
		assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
		// SMTP carries lines ended with CRLF.
		assertThat(((String) mail.getContent()).replace("\r\n", "\n").stripTrailing())
			.isEqualTo("您在 12 月 1 日 09:30 的预约已批准。\n\nhttps://czt.test/bookings/" + booking);
		assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("platform@czt.test");
		InternetAddress to = (InternetAddress) mail.getRecipients(MimeMessage.RecipientType.TO)[0];
		assertThat(to.getAddress()).isEqualTo(user.email());
		assertThat(to.getPersonal()).isNotBlank();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> emailRowsOf(user.id()) == 0);
		assertThat(emailedAt(user.id())).isTrue();
	}

	@Test
	void whileTheMailServerIsDownTheEmailWaitsInTheOutboxAndIsSentWhenItIsBack() throws Exception {
		Account user = this.accounts.user(Role.RESEARCHER);
		TestMailServer.stop();
		try {
			this.notifications
				.notify(new Notification(user.id(), "BOOKING_CANCELLED", "Booking cancelled",
						"The lab cancelled your booking.", "/bookings/3", true))
				.block();
			Thread.sleep(4000);
			assertThat(emailRowsOf(user.id())).isOne();
			assertThat(emailedAt(user.id())).isFalse();
			// The platform works on: the mail health component is UP and tells what
			// waits.
			signedIn(this.accounts.user(Role.ADMIN)).get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP")
				.jsonPath("$.components.mail.status")
				.isEqualTo("UP")
				.jsonPath("$.components.mail.details.waiting")
				.value(Integer.class, (waiting) -> assertThat(waiting).isPositive())
				.jsonPath("$.components.mail.details.failuresInARow")
				.value(Integer.class, (failures) -> assertThat(failures).isPositive())
				.jsonPath("$.components.mail.details.lastError")
				.isNotEmpty();
		}
		finally {
			TestMailServer.start();
		}
		MimeMessage mail = awaitMail(user.email());
		assertThat(mail.getSubject()).isEqualTo("Booking cancelled");
		assertThat((String) mail.getContent()).contains("https://czt.test/bookings/3");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> emailRowsOf(user.id()) == 0);
		assertThat(emailedAt(user.id())).isTrue();
		Thread.sleep(1500);
		assertThat(TestMailServer.receivedBy(user.email())).hasSize(1);
	}

	@Test
	void twoDispatchersAsOnTwoReplicasSendEachEmailOnce() throws Exception {
		Account user = this.accounts.user(Role.RESEARCHER);
		EmailDispatcher second = new EmailDispatcher(this.database, this.connectionFactory, this.transaction,
				this.notificationRepository, this.users, this.mailSenders, this.properties, this.clock);
		second.start();
		try {
			List<Notification> batch = IntStream.range(0, 30)
				.mapToObj((i) -> new Notification(user.id(), "TEST", "Message " + i, "Text " + i, null, true))
				.toList();
			this.notifications.notifyAll(batch).block();
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> TestMailServer.receivedBy(user.email()).size() >= 30);
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> emailRowsOf(user.id()) == 0);
			Thread.sleep(2000);
			List<String> subjects = new ArrayList<>();
			for (MimeMessage mail : TestMailServer.receivedBy(user.email())) {
				subjects.add(mail.getSubject());
			}
			assertThat(subjects).hasSize(30).doesNotHaveDuplicates();
		}
		finally {
			second.stop();
		}
	}

	@Test
	void aNotificationNotMeantForEmailWritesNoOutboxRow() {
		Account user = this.accounts.user(Role.RESEARCHER);
		this.notifications
			.notify(new Notification(user.id(), "MATCH_FOUND", "A match", "Someone fits.", "/matches/1", false))
			.block();
		assertThat(rows(user.id())).isOne();
		assertThat(emailRowsOf(user.id())).isZero();
	}

	@Test
	void withEmailDisabledNoOutboxRowIsWrittenAtAll() {
		Account user = this.accounts.user(Role.RESEARCHER);
		NotificationProperties disabled = new NotificationProperties(
				new NotificationProperties.Email(false, "x@czt.test", "http://localhost:8080", Duration.ofSeconds(1),
						Duration.ofSeconds(1), 20, Duration.ofSeconds(5)));
		Notifications withoutEmail = new Notifications(this.database, this.clock, disabled);
		withoutEmail.notify(new Notification(user.id(), "BOOKING_APPROVED", "Approved", "Yes.", "/bookings/4", true))
			.as(this.transaction::transactional)
			.block();
		assertThat(rows(user.id())).isOne();
		assertThat(emailRowsOf(user.id())).isZero();
	}

	@Test
	void usersListTheirNotificationsNewestFirstAndMarkThemRead() {
		Account user = this.accounts.user(Role.RESEARCHER);
		for (int i = 1; i <= 3; i++) {
			this.notifications
				.notify(new Notification(user.id(), "TEST", "Title " + i, "Body " + i, "/things/" + i, false))
				.block();
		}
		WebTestClient client = signedIn(user);

		Map<String, Object> all = list(client, "/api/v1/notifications");
		assertThat(all).containsEntry("page", 0)
			.containsEntry("size", 20)
			.containsEntry("total", 3)
			.containsEntry("unread", 3);
		List<Map<String, Object>> items = items(all);
		assertThat(items).extracting((item) -> item.get("title")).containsExactly("Title 3", "Title 2", "Title 1");
		assertThat(items.get(0)).containsEntry("type", "TEST")
			.containsEntry("body", "Body 3")
			.containsEntry("link", "/things/3")
			.containsKeys("id", "createdAt");
		assertThat(items.get(0).get("readAt")).isNull();

		String newest = (String) items.get(0).get("id");
		client.post().uri("/api/v1/notifications/{id}/read", newest).exchange().expectStatus().isNoContent();
		// Again: still read, and no error.
		client.post().uri("/api/v1/notifications/{id}/read", newest).exchange().expectStatus().isNoContent();

		Map<String, Object> unread = list(client, "/api/v1/notifications?unreadOnly=true");
		assertThat(unread).containsEntry("total", 2).containsEntry("unread", 2);
		assertThat(items(unread)).extracting((item) -> item.get("title")).containsExactly("Title 2", "Title 1");
		Map<String, Object> firstPage = list(client, "/api/v1/notifications?page=0&size=2");
		assertThat(items(firstPage)).hasSize(2);
		assertThat(firstPage).containsEntry("total", 3).containsEntry("unread", 2);
		assertThat(items(firstPage).get(0).get("readAt")).isNotNull();
		assertThat(items(list(client, "/api/v1/notifications?page=1&size=2"))).extracting((item) -> item.get("title"))
			.containsExactly("Title 1");

		client.post().uri("/api/v1/notifications/read-all").exchange().expectStatus().isNoContent();
		Map<String, Object> afterAll = list(client, "/api/v1/notifications");
		assertThat(afterAll).containsEntry("total", 3).containsEntry("unread", 0);
		assertThat(items(afterAll)).allSatisfy((item) -> assertThat(item.get("readAt")).isNotNull());
		assertThat(items(list(client, "/api/v1/notifications?unreadOnly=true"))).isEmpty();
	}

	@Test
	void anotherUsersNotificationIsNotFound() {
		Account owner = this.accounts.user(Role.RESEARCHER);
		Account other = this.accounts.user(Role.RESEARCHER);
		this.notifications.notify(new Notification(owner.id(), "TEST", "Private", "Mine.", null, false)).block();
		String id = (String) items(list(signedIn(owner), "/api/v1/notifications")).get(0).get("id");

		signedIn(other).post()
			.uri("/api/v1/notifications/{id}/read", id)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
		assertThat(list(signedIn(other), "/api/v1/notifications")).containsEntry("total", 0);
		signedIn(other).post()
			.uri("/api/v1/notifications/{id}/read", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound();
		// The owner's notification is still unread.
		assertThat(list(signedIn(owner), "/api/v1/notifications")).containsEntry("unread", 1);
	}

	@Test
	void badPagingIsA400ProblemAndStrangersAreTurnedAway() {
		WebTestClient client = signedIn(this.accounts.user(Role.RESEARCHER));
		for (String query : List.of("page=-1", "size=0", "size=101", "page=abc", "unreadOnly=perhaps")) {
			client.get()
				.uri("/api/v1/notifications?" + query)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		client.post().uri("/api/v1/notifications/not-a-uuid/read").exchange().expectStatus().isBadRequest();
		this.client.get().uri("/api/v1/notifications").exchange().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
		this.client.post()
			.uri("/api/v1/notifications/read-all")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private WebTestClient signedIn(Account account) {
		return this.client.mutate().defaultHeaders((headers) -> headers.setBearerAuth(account.token())).build();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> list(WebTestClient client, String uri) {
		return client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(Map<String, Object> page) {
		return (List<Map<String, Object>>) page.get("items");
	}

	private static MimeMessage awaitMail(String email) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> TestMailServer.receivedBy(email), (received) -> !received.isEmpty())
			.get(0);
	}

	private long rows(UUID userId) {
		return this.database.sql("select count(*) from notifications where user_id = :user")
			.bind("user", userId)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private long emailRowsOf(UUID userId) {
		return this.database
			.sql("select count(*) from outbox where topic = 'email' and key in "
					+ "(select cast(id as text) from notifications where user_id = :user)")
			.bind("user", userId)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private boolean emailedAt(UUID userId) {
		return this.database.sql("select bool_and(emailed_at is not null) from notifications where user_id = :user")
			.bind("user", userId)
			.map((row) -> row.get(0, Boolean.class))
			.one()
			.block();
	}

}
