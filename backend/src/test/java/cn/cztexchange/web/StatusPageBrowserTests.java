package cn.cztexchange.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application with its embedded services, seen through a real Chromium: the
 * web app loads in Chinese, switches to English, and its status page shows both data
 * stores up.
 */
class StatusPageBrowserTests extends BrowserTest {

	@Test
	void switchesLanguageAndShowsPostgresAndElasticsearchUp() {
		scenario("status-page-desktop", () -> {
			browser.manage().window().setSize(new Dimension(1280, 900));
			browser.get(application.url("/"));
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("header"), "长株潭创新资源共享平台"));
			assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
			String chineseStatusLink = browser.findElement(By.cssSelector("header a[href='/status']")).getText();

			new Select(browser.findElement(testId("language-select"))).selectByValue("en");
			wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
			assertThat(browser.findElement(By.tagName("header")).getText()).contains("CZT Innovation Exchange");
			WebElement statusLink = browser.findElement(By.cssSelector("header a[href='/status']"));
			assertThat(statusLink.getText()).isNotEqualTo(chineseStatusLink);

			statusLink.click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "System status"));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("health-status-r2dbc"), "UP"));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("health-status-elasticsearch"), "UP"));
			assertThat(browser.findElement(testId("health-component-r2dbc")).getText()).contains("PostgreSQL");
			assertThat(browser.findElement(testId("health-component-elasticsearch")).getText())
				.contains("Elasticsearch");
			assertThat(browser.findElement(testId("health-overall")).getText()).contains("UP");
		});
	}

	@Test
	void fitsAPhoneScreenWithoutHorizontalScrolling() {
		scenario("status-page-phone", () -> {
			browser.manage().window().setSize(new Dimension(390, 844));
			browser.get(application.url("/status"));
			new WebDriverWait(browser, Duration.ofSeconds(20))
				.until(ExpectedConditions.textToBePresentInElementLocated(testId("health-status-elasticsearch"), "UP"));
			Long overflow = (Long) browser
				.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
			assertThat(overflow).isLessThanOrEqualTo(0L);
		});
	}

}
