package cn.cztexchange.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Demo organisations and one account per role for the local run
 * ({@code app.demo.enabled=true}, which {@code ./mvnw -Prun} sets), so that a newcomer
 * can try every journey. Everything is labelled as demo data, and inserting is
 * idempotent: existing rows are left as they are.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty("app.demo.enabled")
class DemoAccounts implements ApplicationRunner {

	/** The password of every demo account; documented in the README. */
	static final String PASSWORD = "Demo-Xiangjiang-2026";

	static final String DOMAIN = "@demo.cztexchange.cn";

	private static final Log log = LogFactory.getLog(DemoAccounts.class);

	private final UserRepository users;

	private final OrganisationRepository organisations;

	private final PasswordEncoder passwords;

	private final Clock clock;

	DemoAccounts(UserRepository users, OrganisationRepository organisations, PasswordEncoder passwords, Clock clock) {
		this.users = users;
		this.organisations = organisations;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Runs before the application reports itself ready, and waits for the inserts:
	 * start-up, not a request path, and a "ready" application whose demo logins fail
	 * would mislead.
	 */
	@Override
	public void run(ApplicationArguments args) {
		Instant now = this.clock.instant();
		Mono.fromCallable(() -> this.passwords.encode(PASSWORD))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMapMany((hash) -> Flux.fromIterable(accounts())
				.concatMap((account) -> insertOrganisation(account.organisation())
					.then(this.users.insertIfAbsent(new UserAccount(account.userId(), account.email(), hash,
							account.displayName(), "zh-CN", EnumSet.of(account.role()), true, now, now, null)))
					.then(this.organisations.insertMembership(
							new Membership(account.organisation().id(), account.userId(), account.membership(), now)))))
			.then()
			.subscribe((ignored) -> {
			}, (ex) -> log.error("Could not load the demo accounts", ex), () -> log.info("Demo accounts ready: "
					+ accounts().stream().map(DemoAccount::email).toList() + ", password " + PASSWORD));
	}

	private Mono<Void> insertOrganisation(Organisation organisation) {
		return this.organisations.findById(organisation.id())
			.map((found) -> true)
			.defaultIfEmpty(false)
			.flatMap((exists) -> exists ? Mono.empty() : this.organisations.insert(organisation).then());
	}

	private List<DemoAccount> accounts() {
		Instant now = this.clock.instant();
		Organisation university = organisation("00000000-0000-7000-8000-000000000101", OrganisationType.UNIVERSITY,
				"岳麓山大学科技城示范高校（演示）", "Yuelu Mountain Demo University (demo)", List.of(City.CHANGSHA), "岳麓区",
				"12430000DEMO00001", now);
		Organisation firm = organisation("00000000-0000-7000-8000-000000000102", OrganisationType.FIRM,
				"株洲轨道交通装备示范企业（演示）", "Zhuzhou Rail Equipment Demo Co. (demo)", List.of(City.ZHUZHOU), "石峰区",
				"91430200DEMO00002", now);
		Organisation investor = organisation("00000000-0000-7000-8000-000000000103", OrganisationType.INVESTOR,
				"湘江科创示范投资基金（演示）", "Xiangjiang Tech Demo Fund (demo)", List.of(City.CHANGSHA), "岳麓区",
				"91430100DEMO00003", now);
		Organisation park = organisation("00000000-0000-7000-8000-000000000104", OrganisationType.PARK, "长潭共建飞地产业园（演示）",
				"Changsha–Xiangtan Enclave Industrial Park (demo)", List.of(City.XIANGTAN, City.CHANGSHA), "湘潭经开区",
				"12430300DEMO00004", now);
		Organisation operator = organisation("00000000-0000-7000-8000-000000000105", OrganisationType.PLATFORM_OPERATOR,
				"长株潭创新资源共享平台运营中心（演示）", "CZT Innovation Exchange Operations (demo)", List.of(City.CHANGSHA), "天心区",
				"12430000DEMO00005", now);
		return List.of(
				new DemoAccount("00000000-0000-7000-8000-000000000201", "researcher", "演示研究员 Demo Researcher",
						Role.RESEARCHER, university, MembershipRole.MEMBER),
				new DemoAccount("00000000-0000-7000-8000-000000000202", "firm", "演示企业用户 Demo Firm User", Role.FIRM,
						firm, MembershipRole.MANAGER),
				new DemoAccount("00000000-0000-7000-8000-000000000203", "investor", "演示投资人 Demo Investor",
						Role.INVESTOR, investor, MembershipRole.MANAGER),
				new DemoAccount("00000000-0000-7000-8000-000000000204", "publisher", "演示发布者 Demo Publisher",
						Role.PUBLISHER, park, MembershipRole.MANAGER),
				new DemoAccount("00000000-0000-7000-8000-000000000205", "admin", "演示管理员 Demo Admin", Role.ADMIN,
						operator, MembershipRole.MANAGER));
	}

	private static Organisation organisation(String id, OrganisationType type, String nameZh, String nameEn,
			List<City> cities, String district, String creditCodeStem, Instant now) {
		String creditCode = CreditCodes.withCheckCharacter(creditCodeStem.replace("DEMO", "MA4L"));
		return new Organisation(UUID.fromString(id), type, nameZh, nameEn, cities, district, creditCode, null,
				new Organisation.Contact("演示联系人 Demo Contact", "0731-00000000", "contact" + DOMAIN, null),
				VerificationStatus.VERIFIED, null, now, now, now);
	}

	private record DemoAccount(UUID userId, String email, String displayName, Role role, Organisation organisation,
			MembershipRole membership) {

		DemoAccount(String userId, String name, String displayName, Role role, Organisation organisation,
				MembershipRole membership) {
			this(UUID.fromString(userId), name + DOMAIN, displayName, role, organisation, membership);
		}

	}

}
