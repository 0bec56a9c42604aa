package cn.cztexchange.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An instrument's calendar for a range: when it is open, which times bookings hold (never
 * by whom) and its closures.
 *
 * @param instrumentId the instrument
 * @param timeZone the zone of its opening hours, always Asia/Shanghai
 * @param from start of the range
 * @param to end of the range
 * @param slotMinutes the grid bookings start and end on
 * @param bufferMinutes kept free after each booking (included in {@code taken})
 * @param earliestStart the earliest start the notice rule allows now
 * @param latestStart the latest start the advance rule allows now
 * @param open opening hours minus closures
 * @param taken times held by bookings, buffers included
 * @param closures holidays, maintenance and outages
 */
public record Availability(UUID instrumentId, String timeZone, Instant from, Instant to, int slotMinutes,
		int bufferMinutes, Instant earliestStart, Instant latestStart, List<Interval> open, List<Interval> taken,
		List<Closure> closures) {
}
