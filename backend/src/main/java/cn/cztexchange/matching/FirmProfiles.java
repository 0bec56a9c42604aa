package cn.cztexchange.matching;

import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.EntryContent;

/**
 * What other features may read of a firm's profile: whether it lets investors and
 * technology owners find (and approach) it, and its private contact person, which only
 * the engagement feature reveals, after the firm accepted a match.
 */
@Component
public class FirmProfiles {

	private final FirmProfileRepository profiles;

	FirmProfiles(FirmProfileRepository profiles) {
		this.profiles = profiles;
	}

	/** Whether the firm has a profile that it made discoverable. */
	public Mono<Boolean> discoverable(UUID organisationId) {
		return this.profiles.find(organisationId)
			.map((stored) -> stored.profile().discoverable())
			.defaultIfEmpty(false);
	}

	/** The contact person of the firm's profile, if it names one. */
	public Mono<EntryContent.Contact> contact(UUID organisationId) {
		return this.profiles.find(organisationId).mapNotNull((stored) -> stored.profile().contact());
	}

}
