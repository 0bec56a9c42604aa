package cn.cztexchange.identity;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.DomainException;

@Service
class ProfileService {

	private final UserRepository users;

	private final AuditLog audit;

	private final Clock clock;

	ProfileService(UserRepository users, AuditLog audit, Clock clock) {
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Mono<UserAccount> update(CurrentUser current, UpdateProfileRequest request, String clientAddress) {
		return this.users.findById(current.id())
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The user")))
			.flatMap((user) -> this.users.updateProfile(user.id(),
					(request.displayName() != null) ? request.displayName().strip() : user.displayName(),
					(request.locale() != null) ? request.locale() : user.locale(), this.clock.instant()))
			.flatMap((user) -> this.audit
				.record(AuditEventType.PROFILE_UPDATED, user.id(), user.email(), "USER", user.id(), clientAddress,
						Map.of())
				.thenReturn(user));
	}

}
