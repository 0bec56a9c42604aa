package cn.cztexchange.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes iCalendar (RFC 5545) feeds that calendar apps subscribe to: one
 * {@code VCALENDAR} with a {@code VEVENT} per event, times in UTC, text escaped, lines
 * ended with CRLF and folded at 75 octets without ever splitting a UTF-8 character (a
 * Chinese character is three octets).
 */
public final class ICalendar {

	/** The longest line, in octets, not counting its CRLF (RFC 5545, 3.1). */
	static final int MAX_LINE_OCTETS = 75;

	private static final String CRLF = "\r\n";

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private ICalendar() {
	}

	/**
	 * The calendar as text, ready to serve as {@code text/calendar; charset=UTF-8}.
	 * @param name what calendar apps call the calendar ({@code X-WR-CALNAME}), or null
	 * @param events the events, in the order given
	 * @param now when the calendar is written: every event's {@code DTSTAMP}
	 */
	public static String calendar(String name, List<CalendarEvent> events, Instant now) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//CZT Innovation Exchange//cztexchange.cn//EN");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		if (name != null) {
			line(out, "X-WR-CALNAME:" + text(name));
		}
		line(out, "X-WR-TIMEZONE:Asia/Shanghai");
		for (CalendarEvent event : events) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:" + text(event.uid()));
			line(out, "DTSTAMP:" + UTC.format(now));
			line(out, "DTSTART:" + UTC.format(event.start()));
			line(out, "DTEND:" + UTC.format(event.end()));
			if (event.summary() != null) {
				line(out, "SUMMARY:" + text(event.summary()));
			}
			if (event.description() != null) {
				line(out, "DESCRIPTION:" + text(event.description()));
			}
			if (event.location() != null) {
				line(out, "LOCATION:" + text(event.location()));
			}
			line(out, "STATUS:" + event.status().name());
			line(out, "SEQUENCE:" + event.sequence());
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/**
	 * Escapes a TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line
	 * breaks; other control characters, which TEXT cannot hold, are dropped.
	 */
	static String text(String value) {
		StringBuilder escaped = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case ';' -> escaped.append("\\;");
				case ',' -> escaped.append("\\,");
				case '\n' -> escaped.append("\\n");
				case '\r' -> {
					escaped.append("\\n");
					if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
						i++;
					}
				}
				default -> {
					if (c == '\t' || !Character.isISOControl(c)) {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	/**
	 * Appends the content line, folded (RFC 5545, 3.1): after at most 75 octets, CRLF and
	 * a space, which counts towards the next line's 75; only between characters.
	 */
	private static void line(StringBuilder out, String line) {
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			int length = utf8Length(codePoint);
			if (octets + length > MAX_LINE_OCTETS) {
				out.append(CRLF).append(' ');
				octets = 1;
			}
			out.appendCodePoint(codePoint);
			octets += length;
			i += Character.charCount(codePoint);
		}
		out.append(CRLF);
	}

	private static int utf8Length(int codePoint) {
		if (codePoint < 0x80) {
			return 1;
		}
		if (codePoint < 0x800) {
			return 2;
		}
		return (codePoint < 0x10000) ? 3 : 4;
	}

	/**
	 * One event.
	 *
	 * @param uid a globally unique, stable id (such as
	 * {@code booking-<id>@cztexchange.cn}): calendar apps update the event with the same
	 * uid rather than add another
	 * @param start when it starts
	 * @param end when it ends
	 * @param summary the title, or null
	 * @param description more text, or null
	 * @param location where, or null
	 * @param status tentative, confirmed or cancelled
	 * @param sequence the revision: raise it whenever the event changes, so that calendar
	 * apps take the new version
	 */
	public record CalendarEvent(String uid, Instant start, Instant end, String summary, String description,
			String location, Status status, int sequence) {

		public CalendarEvent {
			if (uid == null || uid.isBlank()) {
				throw new IllegalArgumentException("An event needs a uid");
			}
			if (start == null || end == null || end.isBefore(start)) {
				throw new IllegalArgumentException("An event needs a start and an end that is not before it");
			}
			if (status == null) {
				throw new IllegalArgumentException("An event needs a status");
			}
			if (sequence < 0) {
				throw new IllegalArgumentException("An event's sequence is 0 or more");
			}
		}

	}

	/** An event's status ({@code STATUS}, RFC 5545, 3.8.1.11). */
	public enum Status {

		TENTATIVE, CONFIRMED, CANCELLED

	}

}
