package cn.cztexchange.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The small rules: credit codes, email spelling, password policy. */
class IdentityRulesTests {

	private final PasswordPolicy policy = PasswordPolicy.load();

	@Test
	void creditCodeCheckCharacterIsVerified() {
		String valid = CreditCodes.withCheckCharacter("91430100MA4L16JQ9");
		assertThat(CreditCodes.isValid(valid)).isTrue();
		char wrong = (valid.charAt(17) == '0') ? '1' : '0';
		assertThat(CreditCodes.isValid(valid.substring(0, 17) + wrong)).isFalse();
		assertThat(CreditCodes.isValid("91430100MA4L16JQ9")).isFalse();
		assertThat(CreditCodes.isValid("91430100MA4L16JQIO")).isFalse();
	}

	@Test
	void emailAddressesHaveOneSpelling() {
		assertThat(EmailAddresses.normalise("  Zhang.San＠Example.COM ")).isEqualTo("zhang.san@example.com");
		assertThat(EmailAddresses.isValid("zhang.san@example.com")).isTrue();
		assertThat(EmailAddresses.isValid("zhang.san@example")).isFalse();
		assertThat(EmailAddresses.isValid("zhang san@example.com")).isFalse();
	}

	@Test
	void passwordPolicy() {
		assertThat(this.policy.problemWith("short", "a@example.com")).contains("must have at least 12 characters");
		assertThat(this.policy.problemWith("x".repeat(129), "a@example.com"))
			.contains("must have at most 128 characters");
		assertThat(this.policy.problemWith("aaaaaaaaaaaaaaaa", "a@example.com"))
			.contains("must not repeat so few characters");
		assertThat(this.policy.problemWith("qwertyuiop1234", "a@example.com")).get().asString().contains("too common");
		assertThat(this.policy.problemWith("Password123456", "a@example.com")).get().asString().contains("too common");
		assertThat(this.policy.problemWith("zhangsan-is-me-2026", "zhangsan@example.com"))
			.contains("must not contain your email address");
		assertThat(this.policy.problemWith("岳麓山下的湘江水一路向北流", "a@example.com")).isEmpty();
		assertThat(this.policy.problemWith("correct horse battery staple", "a@example.com")).isEmpty();
	}

}
