package cn.cztexchange.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Booking settings that apply to every instrument (each instrument's own rules are in
 * {@link BookingRules}).
 *
 * @param noShowLimit how many no-shows within {@code noShowWindow} suspend a user
 * @param noShowWindow how far back no-shows count
 * @param suspension how long a suspension lasts
 * @param reminderBefore how long before an approved booking its user is reminded
 * @param sweepInterval how often no-shows are released and reminders sent
 * @param calendarHistory how far back a user's calendar feed reaches
 * @param instrumentCacheTtl how long a replica keeps an instrument's catalogue details
 * and rules for requests and calendars (0: read them every time); changes made through
 * this replica apply at once, another replica's within this time
 * @param batching how booking requests that arrive together are booked together
 */
@ConfigurationProperties("app.booking")
public record BookingProperties(@DefaultValue("3") int noShowLimit, @DefaultValue("90d") Duration noShowWindow,
		@DefaultValue("30d") Duration suspension, @DefaultValue("24h") Duration reminderBefore,
		@DefaultValue("1m") Duration sweepInterval, @DefaultValue("90d") Duration calendarHistory,
		@DefaultValue("10m") Duration instrumentCacheTtl, @DefaultValue Batching batching) {

	/**
	 * See {@link BookingBatcher}.
	 *
	 * @param statements how many booking statements a replica runs at once; requests that
	 * arrive meanwhile wait for the next
	 * @param maxSize how many requests one statement books at most
	 */
	public record Batching(@DefaultValue("1") int statements, @DefaultValue("64") int maxSize) {

		public Batching {
			if (statements < 1 || maxSize < 1) {
				throw new IllegalArgumentException(
						"app.booking.batching.statements and max-size must be at least 1, they are " + statements
								+ " and " + maxSize);
			}
		}

	}

}
