package cn.cztexchange.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.cztexchange.platform.ICalendar.CalendarEvent;
import cn.cztexchange.platform.ICalendar.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ICalendarTests {

	private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

	private static final Instant START = Instant.parse("2026-12-01T01:30:00Z");

	private static final Instant END = Instant.parse("2026-12-01T03:00:00Z");

	@Test
	void anEmptyCalendarHasTheHeaderAndNoEvents() {
		String calendar = ICalendar.calendar("我的预约", List.of(), NOW);
		assertThat(calendar).isEqualTo("""
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//CZT Innovation Exchange//cztexchange.cn//EN\r
				CALSCALE:GREGORIAN\r
				METHOD:PUBLISH\r
				X-WR-CALNAME:我的预约\r
				X-WR-TIMEZONE:Asia/Shanghai\r
				END:VCALENDAR\r
				""");
	}

	@Test
	void anEventHasItsPropertiesWithTimesInUtc() {
		CalendarEvent event = new CalendarEvent("booking-1@cztexchange.cn", START, END, "Mass spectrometer",
				"Bring your samples", "Changsha", Status.CONFIRMED, 2);
		List<String> lines = unfolded(ICalendar.calendar("Bookings", List.of(event), NOW));
		assertThat(lines).containsSubsequence("BEGIN:VEVENT", "UID:booking-1@cztexchange.cn",
				"DTSTAMP:20261127T080000Z", "DTSTART:20261201T013000Z", "DTEND:20261201T030000Z",
				"SUMMARY:Mass spectrometer", "DESCRIPTION:Bring your samples", "LOCATION:Changsha", "STATUS:CONFIRMED",
				"SEQUENCE:2", "END:VEVENT", "END:VCALENDAR");
	}

	@Test
	void everyLineEndsWithCrlf() {
		CalendarEvent event = new CalendarEvent("u1", START, END, "a", "b", "c", Status.TENTATIVE, 0);
		String calendar = ICalendar.calendar("x", List.of(event), NOW);
		assertThat(calendar).endsWith("END:VCALENDAR\r\n");
		assertThat(calendar.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
	}

	@Test
	void missingOptionalFieldsAreLeftOut() {
		CalendarEvent event = new CalendarEvent("u2", START, END, null, null, null, Status.CANCELLED, 3);
		String calendar = ICalendar.calendar(null, List.of(event), NOW);
		assertThat(calendar).doesNotContain("SUMMARY")
			.doesNotContain("DESCRIPTION")
			.doesNotContain("LOCATION")
			.doesNotContain("X-WR-CALNAME")
			.doesNotContain("null")
			.contains("STATUS:CANCELLED\r\nSEQUENCE:3\r\n");
	}

	@Test
	void textIsEscaped() {
		assertThat(ICalendar.text("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
		assertThat(ICalendar.text("tab\there, bell\u0007 gone")).isEqualTo("tab\there\\, bell gone");
		assertThat(ICalendar.text("质谱仪：样品，三份；地址\\二楼")).isEqualTo("质谱仪：样品，三份；地址\\\\二楼");
	}

	@Test
	void escapedTextComesOutInTheCalendar() {
		CalendarEvent event = new CalendarEvent("u3", START, END, "Lab; room 2, floor 3", "Line one\nLine two \\ end",
				"湘江路, 长沙", Status.CONFIRMED, 0);
		List<String> lines = unfolded(ICalendar.calendar("a,b", List.of(event), NOW));
		assertThat(lines).contains("X-WR-CALNAME:a\\,b", "SUMMARY:Lab\\; room 2\\, floor 3",
				"DESCRIPTION:Line one\\nLine two \\\\ end", "LOCATION:湘江路\\, 长沙");
	}

	@Test
	void longChineseTextIsFoldedAt75OctetsWithoutSplittingACharacter() {
		String description = "高分辨率质谱仪预约：请提前十五分钟到达实验室，携带样品登记表与身份证件。".repeat(6);
		String location = "a" + "长株潭".repeat(40);
		CalendarEvent event = new CalendarEvent("u4", START, END, "质谱仪" + "😀".repeat(30), description, location,
				Status.CONFIRMED, 1);
		String calendar = ICalendar.calendar("长株潭创新资源共享平台".repeat(5), List.of(event), NOW);

		List<String> physical = Arrays.asList(calendar.split("\r\n"));
		assertThat(physical).hasSizeGreaterThan(20);
		for (String line : physical) {
			byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
			assertThat(bytes.length).as(line).isLessThanOrEqualTo(75);
			// Each physical line is valid UTF-8 on its own: no character was cut in two.
			assertThat(strictUtf8(bytes)).isEqualTo(line);
		}
		// Lines are filled: a folded line leaves no room for the next character.
		String first = physical.stream().filter((line) -> line.startsWith("DESCRIPTION:")).findFirst().orElseThrow();
		assertThat(first.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);

		List<String> lines = unfolded(calendar);
		assertThat(lines).contains("DESCRIPTION:" + description, "LOCATION:" + location,
				"SUMMARY:质谱仪" + "😀".repeat(30), "X-WR-CALNAME:" + "长株潭创新资源共享平台".repeat(5));
	}

	@Test
	void aLineOfExactly75OctetsIsNotFolded() {
		String summary = "x".repeat(75 - "SUMMARY:".length());
		CalendarEvent event = new CalendarEvent("u5", START, END, summary, null, null, Status.CONFIRMED, 0);
		String calendar = ICalendar.calendar("c", List.of(event), NOW);
		assertThat(calendar).contains("\r\nSUMMARY:" + summary + "\r\nSTATUS:");

		CalendarEvent longer = new CalendarEvent("u5", START, END, summary + "y", null, null, Status.CONFIRMED, 0);
		assertThat(ICalendar.calendar("c", List.of(longer), NOW)).contains("SUMMARY:" + summary + "\r\n y\r\n");
	}

	@Test
	void eventsNeedAUidTimesInOrderAndAStatus() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CalendarEvent(" ", START, END, null, null, null, Status.CONFIRMED, 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CalendarEvent("u", END, START, null, null, null, Status.CONFIRMED, 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CalendarEvent("u", START, END, null, null, null, null, 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CalendarEvent("u", START, END, null, null, null, Status.CONFIRMED, -1));
	}

	/** The content lines as a reader sees them: CRLF followed by a space is removed. */
	private static List<String> unfolded(String calendar) {
		assertThat(calendar).endsWith("\r\n");
		return new ArrayList<>(Arrays.asList(calendar.replace("\r\n ", "").split("\r\n")));
	}

	private static String strictUtf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new AssertionError("A line is not valid UTF-8 on its own", ex);
		}
	}

}
