package cn.cztexchange.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue in the browser, on the demo data: search in Chinese, narrow by city and
 * kind, open a result; see the results on a map; and an entry a publisher writes in the
 * publishing form and submits, and an admin approves in the moderation queue, turns up in
 * the search page.
 */
class CatalogBrowserTests extends BrowserTest {

	@Test
	void searchInChineseFilterByCityAndKindAndOpenAResult() {
		scenario("catalog-search", () -> {
			browser.manage().window().setSize(new Dimension(1280, 900));
			browser.get(application.url("/search"));
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("search-input")));
			// Chinese titles: the browser may remember English from another test.
			new Select(browser.findElement(testId("language-select"))).selectByValue("zh-CN");
			input.sendKeys("质谱", Keys.ENTER);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid^='search-result-']")));
			wait.until(ExpectedConditions.elementToBeClickable(testId("facet-city-CHANGSHA"))).click();
			wait.until(ExpectedConditions.urlContains("city=CHANGSHA"));
			wait.until(ExpectedConditions.elementToBeClickable(testId("facet-kind-INSTRUMENT"))).click();
			wait.until(ExpectedConditions.urlContains("kind=INSTRUMENT"));
			// The list is replaced as each filter applies: wait for the filtered results.
			By firstTitle = By.cssSelector("[data-testid^='search-result-title-']");
			wait.until(ExpectedConditions.textToBePresentInElementLocated(firstTitle, "质谱"));
			WebElement first = browser.findElement(firstTitle);
			first.click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("resource-title")));
			assertThat(browser.findElement(testId("resource-title")).getText()).contains("质谱");
		});
	}

	@Test
	void theMapViewShowsTheResultsAsMarkers() {
		scenario("catalog-map", () -> {
			browser.manage().window().setSize(new Dimension(1280, 900));
			browser.get(application.url("/search?kind=INSTRUMENT"));
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid^='search-result-']")));
			wait.until(ExpectedConditions.elementToBeClickable(testId("search-view-map"))).click();
			wait.until(ExpectedConditions.urlContains("view=map"));
			// Leaflet is loaded on demand; the demo entries carry locations. Tiles may
			// not
			// load (no network): the markers must be there all the same.
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("search-map")));
			By markers = By.cssSelector("[data-testid='search-map'] [data-testid^='map-marker-']");
			wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(markers, 0));
			List<WebElement> shown = browser.findElements(markers);
			assertThat(shown).isNotEmpty();
			assertThat(browser.findElement(testId("search-map-count")).getText()).isNotBlank();
		});
	}

	@Test
	void aPublisherSubmitsAnEntryTheAdminApprovesItAndItAppearsInSearch() {
		String title = "浏览器测试专用离子色谱仪 " + UUID.randomUUID().toString().substring(0, 6);
		String[] entry = new String[1];

		scenario("catalog-publish-approve-search", () -> {
			WebDriverWait wait = logIn("publisher@demo.cztexchange.cn");
			wait.until(ExpectedConditions.elementToBeClickable(testId("nav-publish"))).click();
			new Select(wait.until(ExpectedConditions.elementToBeClickable(testId("publish-new-kind"))))
				.selectByValue("INSTRUMENT");
			browser.findElement(testId("publish-new")).click();

			type(wait, "input-content.titleZh", title);
			type(wait, "input-content.summaryZh", "阴离子与阳离子分析");
			choose("input-content.city", "XIANGTAN");
			type(wait, "input-content.location.lat", "27.88");
			type(wait, "input-content.location.lon", "112.91");
			choose("input-content.instrument.category", "ANALYTICAL");
			type(wait, "input-content.instrument.mainFunctions", "离子分析");
			click("input-content.instrument.serviceModes-SAMPLE_SUBMISSION");
			type(wait, "input-content.instrument.externalPrice.amountFen", "120.5");
			choose("input-content.instrument.externalPrice.unit", "PER_SAMPLE");
			choose("input-content.instrument.operatingStatus", "IN_SERVICE");
			click("publish-save-submit");

			wait.until(ExpectedConditions.urlMatches("/publish/entries/[0-9a-f-]{36}$"));
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("publish-form-pending")));
			Matcher id = Pattern.compile("/publish/entries/([0-9a-f-]{36})$").matcher(browser.getCurrentUrl());
			assertThat(id.find()).isTrue();
			entry[0] = id.group(1);
			logOut(wait);

			wait = logIn("admin@demo.cztexchange.cn");
			wait.until(ExpectedConditions.elementToBeClickable(testId("nav-admin-catalog"))).click();
			WebElement approve = findOnSomePage(wait, "review-approve-" + entry[0]);
			approve.click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("admin-catalog-notice")));
			logOut(wait);

			String url = application.url("/search?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8));
			// The indexer makes it searchable within moments; search again until it is
			// there.
			for (int attempt = 0; attempt < 10
					&& browser.findElements(testId("search-result-" + entry[0])).isEmpty(); attempt++) {
				browser.get(url);
				try {
					new WebDriverWait(browser, Duration.ofSeconds(3))
						.until(ExpectedConditions.presenceOfElementLocated(testId("search-result-" + entry[0])));
				}
				catch (TimeoutException notYet) {
					// search again
				}
			}
			assertThat(browser.findElement(testId("search-result-" + entry[0])).getText()).contains("离子色谱仪");
		});
	}

	/** The element on the moderation queue's first pages (oldest first). */
	private static WebElement findOnSomePage(WebDriverWait wait, String id) {
		wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(testId("admin-catalog-list")),
				ExpectedConditions.presenceOfElementLocated(testId("admin-catalog-empty"))));
		for (int page = 0; page < 20 && browser.findElements(testId(id)).isEmpty(); page++) {
			WebElement next = browser.findElement(testId("pagination-next"));
			if (!next.isEnabled()) {
				break;
			}
			String before = browser.findElement(testId("pagination-info")).getText();
			next.click();
			wait.until(ExpectedConditions
				.not(ExpectedConditions.textToBePresentInElementLocated(testId("pagination-info"), before)));
		}
		return wait.until(ExpectedConditions.elementToBeClickable(testId(id)));
	}

	private static void type(WebDriverWait wait, String id, String text) {
		wait.until(ExpectedConditions.visibilityOfElementLocated(testId(id))).sendKeys(text);
	}

	private static void choose(String id, String value) {
		new Select(browser.findElement(testId(id))).selectByValue(value);
	}

}
