package cn.cztexchange.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matchmaking in the browser: a firm writes its profile, sees a financing entry among its
 * matches with every criterion explained and expresses interest; the investor accepts;
 * both then see each other's contact details and the thread.
 */
class MatchmakingBrowserTests extends BrowserTest {

	/** The demo firm, whose manager is firm@demo (see DemoAccounts). */
	private static final String FIRM = "00000000-0000-7000-8000-000000000102";

	/** The demo investor, whose manager is investor@demo. */
	private static final String INVESTOR = "00000000-0000-7000-8000-000000000103";

	@Test
	void aFirmExpressesInterestInAnExplainedMatchTheInvestorAcceptsAndBothSeeContactsAndTheThread() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String financing = publishFinancing(tag);
		String firmEmail = "rongzi-" + tag + "@firm.example.cn";
		String[] engagement = new String[1];

		scenario("matchmaking-profile-interest-accept-thread", () -> {
			WebDriverWait wait = logIn("firm@demo.cztexchange.cn");
			click("nav-my-firms");
			wait.until(ExpectedConditions.elementToBeClickable(testId("membership-firm-profile-" + FIRM)));
			click("membership-firm-profile-" + FIRM);
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("firm-profile-form")));
			check("input-industryChains-RAIL_TRANSIT");
			type("input-products", "磁浮牵引变流器与永磁同步牵引电机 " + tag);
			new Select(browser.findElement(testId("input-stage"))).selectByValue("GROWTH");
			new Select(browser.findElement(testId("input-city"))).selectByValue("ZHUZHOU");
			type("input-district", "石峰区");
			type("input-fundingNeed.amountMinFen", "10000000");
			type("input-fundingNeed.amountMaxFen", "30000000");
			type("input-fundingNeed.purpose", "扩建磁浮牵引变流器产线");
			check("input-fundingNeed.instruments-EQUITY");
			type("input-contact.name", "融资负责人");
			type("input-contact.email", firmEmail);
			check("input-discoverable");
			click("firm-profile-save");
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("firm-profile-saved")));

			browser.get(application.url("/firms/" + FIRM + "/matches?tab=financing"));
			WebElement row = wait
				.until(ExpectedConditions.visibilityOfElementLocated(testId("match-row-" + financing)));
			assertThat(row.getText()).contains("磁浮牵引 " + tag);
			for (String criterion : List.of("STAGE", "AMOUNT", "REGION", "INSTRUMENT", "INDUSTRY_CHAIN")) {
				WebElement explained = row
					.findElement(By.cssSelector("[data-testid='match-criterion-" + financing + "-" + criterion + "']"));
				assertThat(explained.getAttribute("data-met")).as(criterion).isEqualTo("true");
				assertThat(explained.getText()).as(criterion).isNotBlank();
			}
			assertThat(browser.findElement(testId("match-score-" + financing)).getText()).containsPattern("\\d");
			click("match-interest-open-" + financing);
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("match-interest-message-" + financing)))
				.sendKeys("我们正在扩建产线，希望进一步沟通。");
			click("match-interest-submit-" + financing);
			WebElement link = wait
				.until(ExpectedConditions.visibilityOfElementLocated(testId("match-engagement-link-" + financing)));
			Matcher id = Pattern.compile("/engagements/([0-9a-f-]{36})").matcher(link.getAttribute("href"));
			assertThat(id.find()).isTrue();
			engagement[0] = id.group(1);
			logOut(wait);

			wait = logIn("investor@demo.cztexchange.cn");
			click("nav-engagements");
			wait.until(ExpectedConditions.elementToBeClickable(testId("engagement-link-" + engagement[0])));
			click("engagement-link-" + engagement[0]);
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("engagement-contacts-hidden")));
			assertThat(browser.getPageSource()).doesNotContain(firmEmail);
			click("engagement-action-ACCEPT");
			wait.until(ExpectedConditions.elementToBeClickable(testId("engagement-action-submit")));
			click("engagement-action-submit");
			wait.until(ExpectedConditions.attributeToBe(testId("engagement-status"), "data-status", "ACCEPTED"));
			wait.until(
					ExpectedConditions.textToBePresentInElementLocated(testId("engagement-contacts-shown"), firmEmail));
			type("engagement-message-input", "欢迎，下周二来公司详谈 " + tag);
			click("engagement-message-send");
			wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("engagement-thread"), "下周二"));
			logOut(wait);

			wait = logIn("firm@demo.cztexchange.cn");
			browser.get(application.url("/engagements/" + engagement[0]));
			wait.until(ExpectedConditions.attributeToBe(testId("engagement-status"), "data-status", "ACCEPTED"));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("engagement-contacts-shown"),
					"invest-" + tag + "@fund.example.cn"));
			wait.until(
					ExpectedConditions.textToBePresentInElementLocated(testId("engagement-thread"), "下周二来公司详谈 " + tag));
		});
	}

	/**
	 * A financing entry of the demo investor, published through the API, that fits the
	 * profile the firm writes: growth-stage equity of 1 to 50 million yuan in Zhuzhou's
	 * rail transit chain.
	 */
	private static String publishFinancing(String tag) throws Exception {
		String investor = token("investor@demo.cztexchange.cn");
		String admin = token("admin@demo.cztexchange.cn");
		Map<String, Object> content = Map.of("titleZh", "磁浮牵引 " + tag + " 成长期股权投资", "summaryZh",
				"投资轨道交通磁浮牵引变流器与永磁同步牵引电机企业的扩产。", "city", "ZHUZHOU", "district", "石峰区", "industryChains",
				List.of("RAIL_TRANSIT"), "contact",
				Map.of("name", "投资经理", "phone", "0731-88886666", "email", "invest-" + tag + "@fund.example.cn"),
				"financing",
				Map.of("financingKind", "VC_PE_FUND", "institution", "湘江科创示范投资基金", "stages", List.of("GROWTH"),
						"ticketMinFen", 100_000_000L, "ticketMaxFen", 5_000_000_000L, "cities", List.of("ZHUZHOU")));
		String id = (String) call("POST", "/api/v1/catalog/entries", investor,
				Map.of("kind", "FINANCING", "ownerOrganisationId", INVESTOR, "content", content))
			.get("id");
		call("POST", "/api/v1/catalog/entries/" + id + "/submit", investor, null);
		call("POST", "/api/v1/admin/catalog/entries/" + id + "/approve", admin, null);
		return id;
	}

	private static void type(String id, String text) {
		WebElement input = browser.findElement(testId(id));
		browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
		input.clear();
		input.sendKeys(text);
	}

	private static void check(String id) {
		WebElement box = browser.findElement(testId(id));
		if (!box.isSelected()) {
			click(id);
		}
	}

}
