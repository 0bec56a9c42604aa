package cn.cztexchange.booking;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import cn.cztexchange.catalog.EntryContent.Price;
import cn.cztexchange.catalog.EntryContent.PriceUnit;
import cn.cztexchange.catalog.InstrumentDetails;
import cn.cztexchange.catalog.InstrumentDetails.ServiceMode;

/**
 * What a booking costs, from the instrument's published rates: the internal rate for
 * members of the host organisation who book for it, the external rate for everyone else.
 * Where only one rate is published it applies to all; where none is, use is free. A
 * per-hour rate charges the minutes used (for sample submission, an hour a sample until
 * staff record the time); a per-sample rate charges the samples (one use for machine
 * time); a per-project rate once.
 */
final class Pricing {

	private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

	private Pricing() {
	}

	/** Which of the published rates applies. */
	enum RateKind {

		INTERNAL, EXTERNAL

	}

	/**
	 * A price worked out.
	 *
	 * @param unit what the rate is charged per
	 * @param rateFen the rate
	 * @param quantity hours (two decimals), samples or 1
	 * @param amountFen rate × quantity, to the nearest fen
	 * @param rate which rate applies
	 */
	record Estimate(PriceUnit unit, long rateFen, BigDecimal quantity, long amountFen, RateKind rate) {
	}

	static Estimate estimate(InstrumentDetails instrument, boolean internal, ServiceMode mode, long minutes,
			int samples) {
		return price(instrument, internal, quantity(unit(instrument, internal), mode, minutes, samples));
	}

	/**
	 * The final charge from recorded usage: minutes actually used (or, for samples
	 * without recorded time, an hour a sample), samples actually run.
	 */
	static Estimate charge(InstrumentDetails instrument, RateKind rate, ServiceMode mode, Long minutesUsed,
			int samplesRun) {
		boolean internal = rate == RateKind.INTERNAL;
		PriceUnit unit = unit(instrument, internal);
		BigDecimal quantity = (unit == PriceUnit.PER_HOUR && minutesUsed != null) ? hours(minutesUsed)
				: quantity(unit, mode, 0, samplesRun);
		return price(instrument, internal, quantity);
	}

	private static Estimate price(InstrumentDetails instrument, boolean internal, BigDecimal quantity) {
		Price price = rate(instrument, internal);
		long rateFen = (price != null) ? price.amountFen() : 0;
		long amount = BigDecimal.valueOf(rateFen).multiply(quantity).setScale(0, RoundingMode.HALF_UP).longValueExact();
		return new Estimate(unit(instrument, internal), rateFen, quantity.setScale(2, RoundingMode.HALF_UP), amount,
				internal ? RateKind.INTERNAL : RateKind.EXTERNAL);
	}

	private static BigDecimal quantity(PriceUnit unit, ServiceMode mode, long minutes, int samples) {
		return switch (unit) {
			case PER_HOUR -> (mode == ServiceMode.MACHINE_TIME) ? hours(minutes) : BigDecimal.valueOf(samples);
			case PER_SAMPLE -> (mode == ServiceMode.SAMPLE_SUBMISSION) ? BigDecimal.valueOf(samples) : BigDecimal.ONE;
			case PER_PROJECT -> BigDecimal.ONE;
		};
	}

	private static BigDecimal hours(long minutes) {
		// Exact enough that 50 minutes at 600 yuan an hour cost 500 yuan, not 498.
		return BigDecimal.valueOf(minutes).divide(SIXTY, MathContext.DECIMAL64);
	}

	private static PriceUnit unit(InstrumentDetails instrument, boolean internal) {
		Price price = rate(instrument, internal);
		return (price != null) ? price.unit() : PriceUnit.PER_HOUR;
	}

	private static Price rate(InstrumentDetails instrument, boolean internal) {
		Price preferred = internal ? instrument.internalPrice() : instrument.externalPrice();
		return (preferred != null) ? preferred : (internal ? instrument.externalPrice() : instrument.internalPrice());
	}

}
