package cn.cztexchange.feedback;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/feedback")
@Tag(name = "Feedback", description = "Messages from visitors to the platform operators")
class FeedbackController {

	private final FeedbackService service;

	FeedbackController(FeedbackService service) {
		this.service = service;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Send feedback to the platform operators")
	Mono<FeedbackReceipt> submit(@Valid @RequestBody SubmitFeedbackRequest request) {
		return this.service.submit(request);
	}

}
