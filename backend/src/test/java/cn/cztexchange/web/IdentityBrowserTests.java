package cn.cztexchange.web;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer registers, is signed in, sees the researcher's menu and logs out; the demo
 * admin logs in and sees the admin menu and the audit log that recorded it.
 */
class IdentityBrowserTests extends BrowserTest {

	@Test
	void registerSeeTheMenuOfTheRoleAndLogOut() {
		scenario("identity-register", () -> {
			WebDriverWait wait = openAt("/register", "register-email");
			String email = "browser-" + UUID.randomUUID() + "@example.com";
			type("register-email", email);
			type("register-password", "a long and unusual passphrase");
			type("register-display-name", "浏览器测试员");
			browser.findElement(testId("register-role-RESEARCHER")).click();
			browser.findElement(testId("register-submit")).click();

			wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("user-menu-name"), "浏览器测试员"));
			assertThat(present("nav-profile")).isTrue();
			assertThat(present("nav-my-organisations")).isTrue();
			assertThat(present("nav-admin-users")).isFalse();
			assertThat(present("nav-login")).isFalse();

			browser.findElement(testId("nav-logout")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("nav-login")));
			assertThat(present("user-menu-name")).isFalse();
			// The session is gone on the server too: a reload stays signed out.
			browser.navigate().refresh();
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("nav-login")));
			assertThat(present("nav-profile")).isFalse();
		});
	}

	@Test
	void adminLogsInSeesTheAdminMenuAndTheAuditLog() {
		scenario("identity-admin", () -> {
			WebDriverWait wait = openAt("/login", "login-email");
			type("login-email", "admin@demo.cztexchange.cn");
			type("login-password", "Demo-Xiangjiang-2026");
			browser.findElement(testId("login-submit")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("nav-admin-users")));
			assertThat(present("nav-admin-organisations")).isTrue();
			assertThat(present("nav-admin-audit")).isTrue();

			// A reload keeps the session: the access token lives in memory, the refresh
			// cookie restores it.
			browser.navigate().refresh();
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("nav-admin-audit")));
			browser.findElement(testId("nav-admin-audit")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid^='audit-event-']")));
			assertThat(browser.findElement(By.tagName("main")).getText()).containsAnyOf("LOGIN_SUCCEEDED", "登录成功",
					"Login succeeded", "Logged in");
			Browser.screenshot(browser, "identity-admin-audit");

			browser.findElement(testId("nav-logout")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("nav-login")));
		});
	}

	/**
	 * Opens the login or register page, signed out, and waits for its first field (see
	 * {@link BrowserTest#openSignedOut}).
	 */
	private static WebDriverWait openAt(String path, String firstField) {
		WebDriverWait wait = openSignedOut(path);
		wait.until(ExpectedConditions.visibilityOfElementLocated(testId(firstField)));
		return wait;
	}

	private static void type(String id, String text) {
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(testId(id)))
			.sendKeys(text);
	}

	private static boolean present(String id) {
		return !browser.findElements(testId(id)).isEmpty();
	}

}
