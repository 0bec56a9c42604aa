package cn.cztexchange.identity;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What other features may ask about users (how to reach them, in which language), so that
 * none of them reads this feature's tables.
 */
@Service
public class UserDirectory {

	private final UserRepository users;

	UserDirectory(UserRepository users) {
		this.users = users;
	}

	/** How to reach the user, or empty when there is no such user. */
	public Mono<UserContact> contact(UUID userId) {
		return this.users.findById(userId)
			.map((user) -> new UserContact(user.id(), user.email(), user.displayName(), user.locale()));
	}

	/** How to reach each of these users, by id; unknown ids are left out. */
	public Mono<Map<UUID, UserContact>> contacts(Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.users.findAllById(userIds.toArray(UUID[]::new))
			.collectMap(UserAccount::id,
					(user) -> new UserContact(user.id(), user.email(), user.displayName(), user.locale()));
	}

	/** The user with this email address (as typed: it is normalised), or empty. */
	public Mono<UserContact> findByEmail(String email) {
		return this.users.findByEmail(EmailAddresses.normalise(email))
			.map((user) -> new UserContact(user.id(), user.email(), user.displayName(), user.locale()));
	}

	/**
	 * @param id the user
	 * @param email their (normalised) email address
	 * @param displayName the name they chose to be shown
	 * @param locale the language they use the platform in, {@code zh-CN} or {@code en}
	 */
	public record UserContact(UUID id, String email, String displayName, String locale) {
	}

}
