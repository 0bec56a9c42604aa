package cn.cztexchange.search;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.FinancingDetails;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.catalog.InstrumentDetails;
import cn.cztexchange.catalog.ResourceKind;
import cn.cztexchange.catalog.TechNeedDetails;
import cn.cztexchange.catalog.TechOfferingDetails;
import cn.cztexchange.identity.City;

@RestController
@Tag(name = "Search", description = "One search over the whole published catalogue")
class SearchController {

	private final CatalogSearch search;

	SearchController(CatalogSearch search) {
		this.search = search;
	}

	@GetMapping("/api/v1/search")
	@Operation(summary = "Search the catalogue",
			description = "Without q, browses (newest first). Filters of the same name may repeat (kind=INSTRUMENT&kind=SERVICE). "
					+ "Pages: pass the answer's `next` as `after`.")
	Mono<SearchResponse> search(@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(name = "kind", required = false) List<ResourceKind> kinds,
			@RequestParam(name = "city", required = false) List<City> cities,
			@RequestParam(name = "district", required = false) @Size(max = 20) List<@Size(max = 100) String> districts,
			@RequestParam(name = "industryChain", required = false) List<IndustryChain> industryChains,
			@RequestParam(name = "tag", required = false) @Size(max = 20) List<@Size(max = 30) String> tags,
			@RequestParam(name = "category", required = false) List<InstrumentDetails.Category> categories,
			@RequestParam(name = "serviceMode", required = false) List<InstrumentDetails.ServiceMode> serviceModes,
			@RequestParam(name = "dealMode", required = false) List<TechOfferingDetails.DealMode> dealModes,
			@RequestParam(name = "financingKind", required = false) List<FinancingDetails.FinancingKind> financingKinds,
			@RequestParam(name = "stage", required = false) List<FinancingDetails.Stage> stages,
			@RequestParam(name = "needType", required = false) List<TechNeedDetails.NeedType> needTypes,
			@RequestParam(required = false) @PositiveOrZero Long priceMinFen,
			@RequestParam(required = false) @PositiveOrZero Long priceMaxFen,
			@RequestParam(required = false) @PositiveOrZero Long ticketFen,
			@Parameter(description = "lat,lon, e.g. 28.19,112.97") @RequestParam(required = false) String near,
			@RequestParam(required = false) @DecimalMin("0.1") @DecimalMax("500") Double radiusKm,
			@RequestParam(required = false) SearchRequest.Sort sort,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int size,
			@RequestParam(required = false) @Size(max = 1000) String after) {
		return this.search.search(new SearchRequest(q, kinds, cities, districts, industryChains, tags, categories,
				serviceModes, dealModes, financingKinds, stages, needTypes, priceMinFen, priceMaxFen, ticketFen,
				SearchRequest.GeoPoint.parse(near), radiusKm, sort, size,
				(after != null) ? this.search.parseCursor(after) : null));
	}

}
