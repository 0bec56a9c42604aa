package cn.cztexchange.identity;

import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * For tests of other features: accounts with access tokens and organisations, made
 * straight in the database through this feature's own fixtures.
 */
@Component
public class TestAccounts {

	private final IdentityFixtures fixtures;

	TestAccounts(IdentityFixtures fixtures) {
		this.fixtures = fixtures;
	}

	public Account user(Role... roles) {
		UserAccount user = this.fixtures.user(roles);
		return new Account(user.id(), user.email(), this.fixtures.token(user));
	}

	public UUID organisation(boolean verified) {
		return this.fixtures.organisation(verified ? VerificationStatus.VERIFIED : VerificationStatus.UNVERIFIED).id();
	}

	/** An organisation of the given type. */
	public UUID organisation(OrganisationType type, boolean verified) {
		return this.fixtures.organisation(verified ? VerificationStatus.VERIFIED : VerificationStatus.UNVERIFIED, type)
			.id();
	}

	public void join(UUID organisationId, Account account, MembershipRole role) {
		this.fixtures.join(organisationId, account.id(), role);
	}

	/**
	 * @param id the user id
	 * @param email the email address
	 * @param token a valid access token
	 */
	public record Account(UUID id, String email, String token) {
	}

}
