package cn.cztexchange.web;

import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What every browser test stands on: the packaged application and one headless Chromium,
 * both shared by the whole run; a failing scenario leaves a screenshot and the
 * application's log.
 */
abstract class BrowserTest {

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

}
