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
 */
@ConfigurationProperties("app.booking")
public record BookingProperties(@DefaultValue("3") int noShowLimit, @DefaultValue("90d") Duration noShowWindow,
		@DefaultValue("30d") Duration suspension, @DefaultValue("24h") Duration reminderBefore,
		@DefaultValue("1m") Duration sweepInterval, @DefaultValue("90d") Duration calendarHistory,
		@DefaultValue("10m") Duration instrumentCacheTtl) {
}
