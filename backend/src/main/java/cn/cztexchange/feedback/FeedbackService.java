package cn.cztexchange.feedback;

import java.time.Clock;

import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cztexchange.platform.Ids;
import reactor.core.publisher.Mono;

@Service
class FeedbackService {

	private final R2dbcEntityTemplate template;

	private final Clock clock;

	FeedbackService(R2dbcEntityTemplate template, Clock clock) {
		this.template = template;
		this.clock = clock;
	}

	/** Stores the feedback; ids are assigned here, so this is always an insert. */
	@Transactional
	Mono<FeedbackReceipt> submit(SubmitFeedbackRequest request) {
		Feedback feedback = new Feedback(Ids.newId(this.clock), request.message().strip(),
				blankToNull(request.contactEmail()), blankToNull(request.page()), blankToNull(request.language()),
				this.clock.instant());
		return this.template.insert(feedback).map((saved) -> new FeedbackReceipt(saved.id(), saved.createdAt()));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
