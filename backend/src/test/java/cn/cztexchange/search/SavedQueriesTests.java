package cn.cztexchange.search;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.cztexchange.catalog.ResourceKind;
import cn.cztexchange.platform.FieldError;
import cn.cztexchange.platform.InvalidRequestException;
import cn.cztexchange.platform.ProblemDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a saved query string: the canonical form, and the 400 that names each parameter
 * the search endpoint would refuse.
 */
class SavedQueriesTests {

	@Test
	void theCanonicalFormOrdersParametersAndValuesAndDropsPaging() {
		SavedQuery query = SavedQueries.parse(
				"?city=ZHUZHOU&kind=SERVICE&q=+%E8%B4%A8%E8%B0%B1+&kind=INSTRUMENT&kind=SERVICE&size=20&after=abc&tag=b&tag=a&near=28.190,112.97&radiusKm=5.0",
				"query");

		assertThat(query.queryString()).isEqualTo("q=%E8%B4%A8%E8%B0%B1&kind=INSTRUMENT&kind=SERVICE&city=ZHUZHOU"
				+ "&tag=a&tag=b&near=28.19%2C112.97&radiusKm=5");
		assertThat(query.kinds()).containsExactlyInAnyOrder(ResourceKind.INSTRUMENT, ResourceKind.SERVICE);
	}

	@Test
	void theCanonicalFormReadsAsItself() {
		String canonical = SavedQueries
			.parse("q=mass spectrometer&priceMaxFen=100000&priceMinFen=0&stage=GROWTH&sort=NEWEST&district=岳麓区",
					"query")
			.queryString();

		assertThat(canonical).isEqualTo(
				"q=mass+spectrometer&district=%E5%B2%B3%E9%BA%93%E5%8C%BA&stage=GROWTH&priceMinFen=0&priceMaxFen=100000&sort=NEWEST");
		assertThat(SavedQueries.parse(canonical, "query").queryString()).isEqualTo(canonical);
		assertThat(SavedQueries.parse(canonical, "query")).isEqualTo(SavedQueries.parse("?" + canonical, "query"));
	}

	@Test
	void nothingAtAllSearchesEverything() {
		assertThat(SavedQueries.parse(null, "query").queryString()).isEmpty();
		assertThat(SavedQueries.parse(" ", "query").queryString()).isEmpty();
		assertThat(SavedQueries.parse("q=&kind=", "query").queryString()).isEmpty();
		assertThat(SavedQueries.parse("", "query").kinds()).isEmpty();
	}

	@Test
	void everyBadParameterIsNamedUnderTheField() {
		assertThat(errors("kind=GADGET&city=BEIJING&priceMinFen=-1&ticketFen=lots&radiusKm=0&near=north&kinds=SERVICE"))
			.extracting(FieldError::field)
			.containsExactlyInAnyOrder("query.kinds", "query.kind", "query.city", "query.priceMinFen",
					"query.ticketFen", "query.near", "query.radiusKm");
		assertThat(errors("kind=GADGET")).singleElement()
			.satisfies((error) -> assertThat(error.message()).startsWith("'GADGET' is not one of [INSTRUMENT"));
		assertThat(errors("kinds=SERVICE")).singleElement()
			.satisfies((error) -> assertThat(error.message()).isEqualTo("is not a search parameter"));
	}

	@Test
	void theEndpointsLimitsApply() {
		assertThat(errors("q=" + "质".repeat(201))).extracting(FieldError::field).containsExactly("query.q");
		assertThat(errors("tag=" + "t".repeat(31))).extracting(FieldError::field).containsExactly("query.tag");
		assertThat(errors("radiusKm=501&near=28.19,112.97")).extracting(FieldError::field)
			.containsExactly("query.radiusKm");
		assertThat(errors("q=a&q=b")).extracting(FieldError::message).containsExactly("must be given once");
		assertThat(SavedQueries.parse("q=" + "质".repeat(200) + "&radiusKm=0.1&near=28.19,112.97", "query")).isNotNull();
	}

	@Test
	void contradictionsAreRefusedAsTheEndpointRefusesThem() {
		assertThat(errors("priceMinFen=5&priceMaxFen=4")).singleElement()
			.isEqualTo(new FieldError("query.priceMinFen", "must not exceed priceMaxFen"));
		assertThat(errors("radiusKm=5")).singleElement()
			.isEqualTo(new FieldError("query.near", "must be given with radiusKm"));
		assertThat(errors("sort=DISTANCE")).singleElement()
			.isEqualTo(new FieldError("query.near", "must be given to sort by distance"));
	}

	@Test
	void aQueryStringThatIsNotPercentEncodedIsRefusedAsAWhole() {
		assertThat(errors("q=100%")).singleElement().satisfies((error) -> assertThat(error.field()).isEqualTo("query"));
	}

	/**
	 * A parameter added to the search endpoint must be added to saved queries too: else
	 * saving such a search would be refused (or worse, were unknown ones ignored, alert
	 * on far more than meant).
	 */
	@Test
	void savedQueriesKnowEveryParameterOfTheSearchEndpoint() {
		Method search = Arrays.stream(SearchController.class.getDeclaredMethods())
			.filter((method) -> method.isAnnotationPresent(GetMapping.class)
					&& Arrays.asList(method.getAnnotation(GetMapping.class).value()).contains("/api/v1/search"))
			.findFirst()
			.orElseThrow();
		Set<String> endpoint = new HashSet<>();
		for (Parameter parameter : search.getParameters()) {
			RequestParam param = parameter.getAnnotation(RequestParam.class);
			if (param != null) {
				endpoint.add(!param.name().isEmpty() ? param.name() : parameter.getName());
			}
		}
		Set<String> known = new HashSet<>(SavedQueries.PARAMETERS);
		known.addAll(SavedQueries.PAGING);
		assertThat(known).isEqualTo(endpoint);
	}

	@SuppressWarnings("unchecked")
	private static List<FieldError> errors(String queryString) {
		try {
			SavedQueries.parse(queryString, "query");
		}
		catch (InvalidRequestException refused) {
			return (List<FieldError>) refused.getBody().getProperties().get(ProblemDetails.ERRORS);
		}
		throw new AssertionError("Expected " + queryString + " to be refused");
	}

}
