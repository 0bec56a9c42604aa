package cn.cztexchange.engagement;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.engagement.EngagementFixtures.Org;
import cn.cztexchange.identity.TestAccounts.Account;

import static cn.cztexchange.engagement.EngagementFixtures.createdId;
import static cn.cztexchange.engagement.EngagementFixtures.engagement;
import static cn.cztexchange.engagement.EngagementFixtures.interest;
import static cn.cztexchange.engagement.EngagementFixtures.meeting;
import static cn.cztexchange.engagement.EngagementFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every step tried in every state, by each side, by someone who is no party and by an
 * admin: the expected outcome is written out here by hand (not taken from the code under
 * test). A step succeeds for the sides that may take it; the other side gets 403 when it
 * is only theirs to take, 409 naming the state when the state does not allow it; an
 * outsider gets 404 and an admin 403.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngagementTransitionsIntegrationTests {

	enum Who {

		FIRM, COUNTERPART

	}

	/** Which side may take which step in which state; the firm expressed interest. */
	private static final Map<String, Map<String, Set<Who>>> ALLOWED = Map.of("INTERESTED",
			Map.of("accept", EnumSet.of(Who.COUNTERPART), "decline", EnumSet.of(Who.COUNTERPART), "withdraw",
					EnumSet.of(Who.FIRM)),
			"ACCEPTED", Map.of("propose-meeting", EnumSet.allOf(Who.class), "drop", EnumSet.allOf(Who.class)),
			"MEETING_PROPOSED",
			Map.of("propose-meeting", EnumSet.allOf(Who.class), "meeting-held", EnumSet.allOf(Who.class), "drop",
					EnumSet.allOf(Who.class)),
			"MEETING_HELD",
			Map.of("propose-meeting", EnumSet.allOf(Who.class), "negotiate", EnumSet.allOf(Who.class), "drop",
					EnumSet.allOf(Who.class)),
			"NEGOTIATING", Map.of("close", EnumSet.allOf(Who.class), "drop", EnumSet.allOf(Who.class)), "DECLINED",
			Map.of(), "WITHDRAWN", Map.of(), "CLOSED", Map.of(), "DROPPED", Map.of());

	/** Where each step leads. */
	private static final Map<String, String> TARGET = Map.of("accept", "ACCEPTED", "decline", "DECLINED", "withdraw",
			"WITHDRAWN", "propose-meeting", "MEETING_PROPOSED", "meeting-held", "MEETING_HELD", "negotiate",
			"NEGOTIATING", "close", "CLOSED", "drop", "DROPPED");

	/** The steps that lead from INTERESTED to each state, and who takes them. */
	private static final Map<String, List<Object[]>> PATH = Map
		.of("INTERESTED", List.of(), "ACCEPTED", List.<Object[]>of(new Object[] { Who.COUNTERPART, "accept" }),
				"DECLINED", List.<Object[]>of(new Object[] { Who.COUNTERPART, "decline" }), "WITHDRAWN",
				List.<Object[]>of(new Object[] { Who.FIRM, "withdraw" }), "MEETING_PROPOSED",
				List.of(new Object[] { Who.COUNTERPART, "accept" }, new Object[] { Who.FIRM, "propose-meeting" }),
				"MEETING_HELD", List.of(new Object[] { Who.COUNTERPART, "accept" },
						new Object[] { Who.FIRM, "propose-meeting" }, new Object[] { Who.COUNTERPART, "meeting-held" }),
				"NEGOTIATING",
				List.of(new Object[] { Who.COUNTERPART, "accept" }, new Object[] { Who.FIRM, "propose-meeting" },
						new Object[] { Who.COUNTERPART, "meeting-held" }, new Object[] { Who.FIRM, "negotiate" }),
				"CLOSED",
				List.of(new Object[] { Who.COUNTERPART, "accept" }, new Object[] { Who.FIRM, "propose-meeting" },
						new Object[] { Who.COUNTERPART, "meeting-held" }, new Object[] { Who.FIRM, "negotiate" },
						new Object[] { Who.COUNTERPART, "close" }),
				"DROPPED", List.of(new Object[] { Who.COUNTERPART, "accept" }, new Object[] { Who.FIRM, "drop" }));

	@Autowired
	WebTestClient client;

	@Autowired
	EngagementFixtures fixtures;

	Org investor;

	UUID entry;

	Account outsider;

	Account admin;

	@BeforeAll
	void counterpart() {
		this.investor = this.fixtures.investor();
		this.entry = this.fixtures.financing(this.client, this.investor);
		this.outsider = this.fixtures.firm().manager();
		this.admin = this.fixtures.admin();
	}

	static Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		for (String state : PATH.keySet().stream().sorted().toList()) {
			for (String action : TARGET.keySet().stream().sorted().toList()) {
				cases.add(Arguments.of(state, action));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{1} in {0}")
	@MethodSource("cases")
	void eachStepIsTakenByWhomItMayBeWhenItMayBe(String state, String action) {
		Org firm = this.fixtures.firm();
		UUID id = createdId(this.client, firm.member(), interest("FINANCING", this.entry, "希望交流"));
		for (Object[] move : PATH.get(state)) {
			step(this.client, as(firm, (Who) move[0]), id, (String) move[1], body((String) move[1])).expectStatus()
				.isOk();
		}
		assertThat(engagement(this.client, firm.member(), id)).containsEntry("status", state);

		step(this.client, this.outsider, id, action, body(action)).expectStatus().isNotFound();
		step(this.client, this.admin, id, action, body(action)).expectStatus().isForbidden();
		Set<Who> allowed = ALLOWED.get(state).getOrDefault(action, Set.of());
		for (Who who : Who.values()) {
			@SuppressWarnings("unchecked")
			List<String> actions = (List<String>) engagement(this.client, as(firm, who), id).get("actions");
			assertThat(actions.contains(action.toUpperCase().replace('-', '_'))).as("%s lists %s", who, action)
				.isEqualTo(allowed.contains(who));
			if (!allowed.contains(who)) {
				WebTestClient.ResponseSpec refused = step(this.client, as(firm, who), id, action, body(action));
				if (allowed.isEmpty()) {
					refused.expectStatus()
						.isEqualTo(409)
						.expectBody()
						.jsonPath("$.state")
						.isEqualTo(state)
						.jsonPath("$.status")
						.isEqualTo(409);
				}
				else {
					refused.expectStatus().isForbidden();
				}
			}
		}
		if (!allowed.isEmpty()) {
			Who taker = allowed.iterator().next();
			step(this.client, as(firm, taker), id, action, body(action)).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(TARGET.get(action));
		}
		assertThat(engagement(this.client, firm.member(), id)).containsEntry("status",
				allowed.isEmpty() ? state : TARGET.get(action));
	}

	private Account as(Org firm, Who who) {
		return (who == Who.FIRM) ? firm.member() : this.investor.member();
	}

	private static Map<String, Object> body(String action) {
		return switch (action) {
			case "decline", "drop" -> Map.of("reason", "条件不符");
			case "propose-meeting" -> meeting();
			case "close" -> Map.of("dealType", "EQUITY", "amountFen", 100_000_000L);
			default -> Map.of();
		};
	}

}
