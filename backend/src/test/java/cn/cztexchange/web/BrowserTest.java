package cn.cztexchange.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test stands on: the packaged application and one headless Chromium,
 * both shared by the whole run; a failing scenario leaves a screenshot and the
 * application's log.
 */
abstract class BrowserTest {

	/** The password of every demo account (see DemoAccounts). */
	static final String DEMO_PASSWORD = "Demo-Xiangjiang-2026";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	static PackagedApplication application;

	static ChromeDriver browser;

	@BeforeAll
	static void startApplicationAndBrowser() throws Exception {
		application = PackagedApplication.shared();
		browser = Browser.shared();
	}

	static void scenario(String name, Runnable steps) {
		try {
			steps.run();
			Browser.screenshot(browser, name);
		}
		catch (RuntimeException | Error ex) {
			Browser.screenshot(browser, name + "-failure");
			throw new AssertionError(ex.getMessage() + "\nApplication log:\n" + application.logTail(), ex);
		}
	}

	static By testId(String id) {
		return By.cssSelector("[data-testid='" + id + "']");
	}

	/**
	 * Signs in with a demo account, in a wide window; someone may still be signed in (the
	 * browser is shared), so the login page would leave for the home page: they are
	 * signed out first.
	 */
	static WebDriverWait logIn(String email) {
		WebDriverWait wait = openSignedOut("/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(testId("login-email"))).sendKeys(email);
		browser.findElement(testId("login-password")).sendKeys(DEMO_PASSWORD);
		browser.findElement(testId("login-submit")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(testId("nav-logout")));
		return wait;
	}

	/**
	 * Opens a page in a wide window with nobody signed in. The browser is shared, so
	 * someone may still be signed in: the login and register pages show their form at
	 * once, and only leave for the home page when the session has been restored from the
	 * refresh cookie. So this waits until the session is settled (the menu offers either
	 * log-in or log-out), and signs out whoever it finds.
	 */
	static WebDriverWait openSignedOut(String path) {
		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.get(application.url(path));
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(testId("nav-login")),
				ExpectedConditions.visibilityOfElementLocated(testId("nav-logout"))));
		if (!browser.findElements(testId("nav-logout")).isEmpty()) {
			logOut(wait);
			browser.get(application.url(path));
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("nav-login")));
		}
		return wait;
	}

	static void logOut(WebDriverWait wait) {
		wait.until(ExpectedConditions.elementToBeClickable(testId("nav-logout"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(testId("nav-login")));
	}

	/** Clicks the element, scrolled into view first. */
	static void click(String id) {
		WebElement element = browser.findElement(testId(id));
		browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

	/** A demo account's access token, for arranging data through the API. */
	static String token(String email) throws Exception {
		return (String) call("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", DEMO_PASSWORD))
			.get("accessToken");
	}

	/** Calls the API (a step of the arrangement, not what is tested): it must succeed. */
	static Map<?, ?> call(String method, String path, String token, Object body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(application.url(path)))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? BodyPublishers.ofString(JSON.writeValueAsString(body)) : BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
		return response.body().isBlank() ? Map.of() : JSON.readValue(response.body(), Map.class);
	}

}
