package cn.cztexchange.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.UserDirectory;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.InvalidRequestException;

/** Staff record who has been trained on their instruments. */
@Service
class Qualifications {

	private final Instruments instruments;

	private final InstrumentSettingsRepository settings;

	private final UserDirectory users;

	private final Clock clock;

	Qualifications(Instruments instruments, InstrumentSettingsRepository settings, UserDirectory users, Clock clock) {
		this.instruments = instruments;
		this.settings = settings;
		this.users = users;
		this.clock = clock;
	}

	Mono<List<Qualified>> list(UUID instrumentId, CurrentUser user) {
		return this.instruments.findForStaff(instrumentId, user)
			.flatMapMany((instrument) -> this.settings.qualifications(instrumentId))
			.concatMap((q) -> this.users.contact(q.userId())
				.map((contact) -> new Qualified(q.userId(), contact.email(), contact.displayName(), q.grantedAt(),
						q.expiresAt())))
			.collectList();
	}

	Mono<Qualified> grant(UUID instrumentId, BookingRequests.Grant request, CurrentUser user) {
		Instant now = this.clock.instant();
		if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
			return Mono.error(new InvalidRequestException("expiresAt", "must be in the future"));
		}
		return this.instruments.findForStaff(instrumentId, user)
			.then(this.users.findByEmail(request.email()))
			.switchIfEmpty(Mono.error(() -> new InvalidRequestException("email", "has no account")))
			.flatMap((contact) -> this.settings.grant(instrumentId, contact.id(), request.expiresAt(), user.id(), now)
				.thenReturn(
						new Qualified(contact.id(), contact.email(), contact.displayName(), now, request.expiresAt())));
	}

	Mono<Void> revoke(UUID instrumentId, UUID userId, CurrentUser user) {
		return this.instruments.findForStaff(instrumentId, user)
			.then(this.settings.revoke(instrumentId, userId))
			.flatMap((revoked) -> revoked ? Mono.empty()
					: Mono.error(() -> DomainException.notFound("The qualification")));
	}

	/**
	 * @param userId who was trained
	 * @param email their address
	 * @param displayName their name
	 * @param grantedAt when staff recorded it
	 * @param expiresAt when it lapses, or null
	 */
	record Qualified(UUID userId, String email, String displayName, Instant grantedAt, Instant expiresAt) {
	}

}
