package cn.cztexchange.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * kind, open a result; and an entry a publisher submits and an admin approves (through
 * the API: the publishing forms are not built yet) turns up in the search page.
 */
class CatalogBrowserTests extends BrowserTest {

	private static final HttpClient http = HttpClient.newHttpClient();

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
	void anApprovedEntryAppearsInSearch() throws Exception {
		String title = "浏览器测试专用离子色谱仪 " + UUID.randomUUID().toString().substring(0, 6);
		String publisher = login("publisher@demo.cztexchange.cn");
		String admin = login("admin@demo.cztexchange.cn");
		String organisation = field(call("GET", "/api/v1/me", publisher, null), "organisationId");
		String entry = field(call("POST", "/api/v1/catalog/entries", publisher, """
				{"kind":"INSTRUMENT","ownerOrganisationId":"%s","content":{"titleZh":"%s","summaryZh":"阴离子与阳离子分析",
				"city":"XIANGTAN","instrument":{"category":"ANALYTICAL","mainFunctions":"离子分析",
				"serviceModes":["SAMPLE_SUBMISSION"],"operatingStatus":"IN_SERVICE"}}}""".formatted(organisation,
				title)), "id");
		call("POST", "/api/v1/catalog/entries/" + entry + "/submit", publisher, null);
		call("POST", "/api/v1/admin/catalog/entries/" + entry + "/approve", admin, null);

		scenario("catalog-approved-entry", () -> {
			String url = application.url("/search?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8));
			// The indexer makes it searchable within moments; search again until it is
			// there.
			for (int attempt = 0; attempt < 10
					&& browser.findElements(testId("search-result-" + entry)).isEmpty(); attempt++) {
				browser.get(url);
				try {
					new WebDriverWait(browser, Duration.ofSeconds(3))
						.until(ExpectedConditions.presenceOfElementLocated(testId("search-result-" + entry)));
				}
				catch (TimeoutException notYet) {
					// search again
				}
			}
			assertThat(browser.findElement(testId("search-result-" + entry)).getText()).contains("离子色谱仪");
		});
	}

	private static String login(String email) throws Exception {
		String body = "{\"email\":\"" + email + "\",\"password\":\"Demo-Xiangjiang-2026\"}";
		return field(call("POST", "/api/v1/auth/login", null, body), "accessToken");
	}

	private static String call(String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(application.url(path)))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
		return response.body();
	}

	/**
	 * The first value of a string field in a JSON answer; enough for these few fields.
	 */
	private static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		assertThat(matcher.find()).as(name + " in " + json).isTrue();
		return matcher.group(1);
	}

}
