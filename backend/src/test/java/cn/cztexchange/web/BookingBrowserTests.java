package cn.cztexchange.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking in the browser: a researcher picks a slot on an instrument's calendar and
 * requests it, the host's staff approve it in their queue, and the researcher sees it
 * confirmed and downloads it as an iCalendar file.
 */
class BookingBrowserTests extends BrowserTest {

	/** The demo park, whose manager is publisher@demo (see DemoAccounts). */
	private static final String PARK = "00000000-0000-7000-8000-000000000104";

	@Test
	void aResearcherBooksAStaffMemberApprovesAndTheResearcherDownloadsTheConfirmedBooking() throws Exception {
		String instrument = publishInstrument();
		LocalDate monday = LocalDate.now(ZoneId.of("Asia/Shanghai")).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		Path downloads = Files.createTempDirectory("czt-downloads");
		String[] booking = new String[1];

		scenario("booking-request-approve-ics", () -> {
			WebDriverWait wait = logIn("researcher@demo.cztexchange.cn");
			browser.get(application.url("/instruments/" + instrument + "/book"));
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("booking-calendar")));
			wait.until(ExpectedConditions.elementToBeClickable(testId("week-next"))).click();
			WebElement slot = wait.until(ExpectedConditions.elementToBeClickable(testId("slot-" + monday + "-09:00")));
			browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", slot);
			slot.click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("booking-selection-ok")));
			wait.until(ExpectedConditions.textMatches(testId("booking-estimate"), Pattern.compile("\\d")));
			click("booking-submit");
			wait.until(ExpectedConditions.urlMatches("/bookings/[0-9a-f-]{36}$"));
			Matcher id = Pattern.compile("/bookings/([0-9a-f-]{36})$").matcher(browser.getCurrentUrl());
			assertThat(id.find()).isTrue();
			booking[0] = id.group(1);
			wait.until(ExpectedConditions.textMatches(testId("booking-status"), Pattern.compile("待审批|Pending")));
			logOut(wait);

			wait = logIn("publisher@demo.cztexchange.cn");
			browser.get(application.url("/staff/bookings"));
			WebElement item = wait
				.until(ExpectedConditions.visibilityOfElementLocated(testId("staff-booking-" + booking[0])));
			WebElement approve = item.findElement(By.cssSelector("[data-testid='action-APPROVE']"));
			browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", approve);
			approve.click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(testId("staff-booking-code-" + booking[0])));
			logOut(wait);

			wait = logIn("researcher@demo.cztexchange.cn");
			browser.get(application.url("/bookings/" + booking[0]));
			wait.until(ExpectedConditions.textMatches(testId("booking-status"), Pattern.compile("已批准|Approved")));
			browser.executeCdpCommand("Browser.setDownloadBehavior",
					Map.of("behavior", "allow", "downloadPath", downloads.toString()));
			click("booking-ics");
			Path file = downloads.resolve("booking-" + booking[0] + ".ics");
			wait.until((driver) -> Files.exists(file));
			String ics;
			try {
				ics = Files.readString(file, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			assertThat(ics).startsWith("BEGIN:VCALENDAR")
				.contains("UID:" + booking[0] + "@czt-exchange")
				.contains("STATUS:CONFIRMED");
		});
		try (Stream<Path> files = Files.list(downloads)) {
			files.forEach((file) -> file.toFile().delete());
		}
		Files.deleteIfExists(downloads);
	}

	/**
	 * An instrument of the demo park, published through the API, open around the clock so
	 * that the test needs no particular time of day.
	 */
	private static String publishInstrument() throws Exception {
		String publisher = token("publisher@demo.cztexchange.cn");
		String admin = token("admin@demo.cztexchange.cn");
		Map<String, Object> content = Map.of("titleZh", "浏览器预约测试透射电镜 " + UUID.randomUUID().toString().substring(0, 6),
				"summaryZh", "原子级分辨成像", "city", "XIANGTAN", "district", "湘潭经开区", "instrument",
				Map.of("category", "IMAGING", "mainFunctions", "高分辨成像", "serviceModes", List.of("MACHINE_TIME"),
						"externalPrice", Map.of("amountFen", 50000, "unit", "PER_HOUR"), "operatingStatus",
						"IN_SERVICE"));
		String id = (String) call("POST", "/api/v1/catalog/entries", publisher,
				Map.of("kind", "INSTRUMENT", "ownerOrganisationId", PARK, "content", content))
			.get("id");
		call("POST", "/api/v1/catalog/entries/" + id + "/submit", publisher, null);
		call("POST", "/api/v1/admin/catalog/entries/" + id + "/approve", admin, null);
		List<Map<String, String>> hours = Stream.of(DayOfWeek.values())
			.map((day) -> Map.of("day", day.name(), "start", "00:00", "end", "00:00"))
			.toList();
		call("PUT", "/api/v1/instruments/" + id + "/booking-rules", publisher,
				Map.ofEntries(Map.entry("weeklyHours", hours), Map.entry("slotMinutes", 30),
						Map.entry("minMinutes", 30), Map.entry("maxMinutes", 480), Map.entry("minNoticeMinutes", 0),
						Map.entry("maxAdvanceDays", 60), Map.entry("bufferMinutes", 0),
						Map.entry("approvalRequired", true), Map.entry("trainingRequired", false),
						Map.entry("cancellationDeadlineHours", 24), Map.entry("noShowGraceMinutes", 15)));
		return id;
	}

}
