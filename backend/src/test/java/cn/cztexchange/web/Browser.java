package cn.cztexchange.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the machine's packages (never a browser a tool downloads),
 * driven by the matching chromedriver. Paths can be changed with {@code CHROMIUM_BIN} and
 * {@code CHROMEDRIVER_BIN}.
 */
final class Browser {

	private Browser() {
	}

	private static ChromeDriver shared;

	/** One browser for all browser tests of the run, closed when the test JVM ends. */
	static synchronized ChromeDriver shared() throws Exception {
		if (shared == null) {
			shared = start();
			ChromeDriver browser = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(browser::quit));
		}
		return shared;
	}

	static ChromeDriver start() throws Exception {
		Path chromium = Path.of(env("CHROMIUM_BIN", "/usr/bin/chromium"));
		Path driver = Path.of(env("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
		if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
			throw new IllegalStateException("Browser tests need Chromium and chromedriver (" + chromium + ", " + driver
					+ "): on Debian `apt-get install chromium chromium-driver`, or set CHROMIUM_BIN and CHROMEDRIVER_BIN.");
		}
		Path profile = Files.createTempDirectory("czt-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--window-size=390,844", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return browser;
	}

	static void screenshot(ChromeDriver browser, String name) {
		try {
			Files.write(Path.of("target", name + ".png"),
					((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (Exception ex) {
			// a missing screenshot must not hide the test's own failure
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
