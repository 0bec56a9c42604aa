package cn.cztexchange.catalog;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A piece of sci-tech literature (科技文献); the entry's summary is its abstract.
 *
 * @param authors the authors, in order
 * @param keywords its keywords
 * @param year the year of publication
 * @param source where it appeared
 * @param doi its DOI, if it has one
 * @param language the language it is written in (zh, en, …)
 * @param access how readers get it
 * @param link where to read or request it
 */
public record LiteratureDetails(
		@NotEmpty(message = "must name at least one author") @Size(max = 50,
				message = "must name at most 50 authors") List<@NotBlank(message = "must not be blank") @Size(max = 100,
						message = "must be at most 100 characters") String> authors,
		@Size(max = 20,
				message = "must have at most 20 keywords") List<@NotBlank(message = "must not be blank") @Size(max = 50,
						message = "must be at most 50 characters") String> keywords,
		@NotNull(message = "must be given") @Min(value = 1900, message = "must be 1900 or later") @Max(value = 2100,
				message = "must be 2100 or earlier") Integer year,
		@NotNull(message = "must be given") Source source,
		@Pattern(regexp = "^$|^10\\.\\d{4,9}/\\S+$", message = "must be a DOI such as 10.1000/xyz123") String doi,
		@Pattern(regexp = "^[a-z]{2}$",
				message = "must be a two-letter language code such as zh or en") String language,
		@NotNull(message = "must be OPEN, ON_REQUEST or LICENSED") Access access,
		@Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) address") @Size(max = 500,
				message = "must be at most 500 characters") String link) {

	/** Where a publication appeared. */
	public enum Source {

		JOURNAL, CONFERENCE, STANDARD, REPORT, THESIS

	}

	/** How readers get it. */
	public enum Access {

		OPEN, ON_REQUEST, LICENSED

	}

}
