package cn.cztexchange.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Saved searches and their alerts.
 *
 * @param enabled whether new entries are matched against saved searches and the daily
 * digest runs; when false, saved searches can still be kept and opened, but nobody is
 * alerted
 * @param digestCron when the email digest goes out: a Spring cron expression (second,
 * minute, hour, day of month, month, day of week), or {@code -} for never
 * @param digestZone the time zone of {@code digestCron}
 * @param maxPerUser how many saved searches one user may keep
 * @param digestTitles how many new entries' titles the digest lists per saved search; it
 * says how many more there are
 */
@ConfigurationProperties("app.alerts")
public record AlertsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 8 * * *") String digestCron,
		@DefaultValue("Asia/Shanghai") String digestZone, @DefaultValue("50") int maxPerUser,
		@DefaultValue("20") int digestTitles) {
}
