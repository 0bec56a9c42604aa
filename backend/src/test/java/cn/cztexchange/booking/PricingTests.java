package cn.cztexchange.booking;

import java.math.BigDecimal;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.cztexchange.booking.Pricing.Estimate;
import cn.cztexchange.booking.Pricing.RateKind;
import cn.cztexchange.catalog.EntryContent.Price;
import cn.cztexchange.catalog.EntryContent.PriceUnit;
import cn.cztexchange.catalog.InstrumentDetails;
import cn.cztexchange.catalog.InstrumentDetails.ServiceMode;

import static org.assertj.core.api.Assertions.assertThat;

class PricingTests {

	static InstrumentDetails instrument(Price internal, Price external) {
		return new InstrumentDetails("SU5000", "Hitachi", "日本", InstrumentDetails.Category.IMAGING, "形貌", null, null,
				null, null, Set.of(ServiceMode.MACHINE_TIME, ServiceMode.SAMPLE_SUBMISSION), internal, external, null,
				null, InstrumentDetails.OperatingStatus.IN_SERVICE);
	}

	@Test
	void minutesAreChargedExactlyAtTheApplicableRate() {
		InstrumentDetails sem = instrument(new Price(30000L, PriceUnit.PER_HOUR),
				new Price(60000L, PriceUnit.PER_HOUR));
		Estimate external = Pricing.estimate(sem, false, ServiceMode.MACHINE_TIME, 50, 0);
		assertThat(external.amountFen()).isEqualTo(50000);
		assertThat(external.quantity()).isEqualByComparingTo(new BigDecimal("0.83"));
		assertThat(external.rate()).isEqualTo(RateKind.EXTERNAL);
		assertThat(Pricing.estimate(sem, true, ServiceMode.MACHINE_TIME, 150, 0).amountFen()).isEqualTo(75000);
	}

	@Test
	void samplesAreChargedPerSampleAndWithoutARecordedTimeAnHourEach() {
		InstrumentDetails perSample = instrument(null, new Price(80000L, PriceUnit.PER_SAMPLE));
		assertThat(Pricing.estimate(perSample, true, ServiceMode.SAMPLE_SUBMISSION, 0, 3).amountFen())
			.isEqualTo(240000);
		assertThat(Pricing.estimate(perSample, false, ServiceMode.MACHINE_TIME, 120, 0).amountFen()).isEqualTo(80000);
		InstrumentDetails perHour = instrument(null, new Price(60000L, PriceUnit.PER_HOUR));
		assertThat(Pricing.charge(perHour, RateKind.EXTERNAL, ServiceMode.SAMPLE_SUBMISSION, null, 2).amountFen())
			.isEqualTo(120000);
		assertThat(Pricing.charge(perHour, RateKind.EXTERNAL, ServiceMode.SAMPLE_SUBMISSION, 30L, 2).amountFen())
			.isEqualTo(30000);
	}

	@Test
	void withoutPublishedRatesUseIsFree() {
		assertThat(Pricing.estimate(instrument(null, null), false, ServiceMode.MACHINE_TIME, 60, 0).amountFen())
			.isZero();
	}

}
