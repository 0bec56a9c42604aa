package cn.cztexchange.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/**
 * What a password must be, after NIST SP 800-63B: long enough, not too long to hash, not
 * one of the passwords attackers try first, and not built from the account's own email
 * address. No composition rules: they make passwords harder to remember, not to guess.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private final Set<String> common;

	private PasswordPolicy(Set<String> common) {
		this.common = common;
	}

	static PasswordPolicy load() {
		try {
			String list = new ClassPathResource("identity/common-passwords.txt")
				.getContentAsString(StandardCharsets.UTF_8);
			return new PasswordPolicy(list.lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.map((line) -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Why the password is refused, or empty when it is acceptable. */
	Optional<String> problemWith(String password, String email) {
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("must have at least " + MIN_LENGTH + " characters");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("must have at most " + MAX_LENGTH + " characters");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (password.codePoints().distinct().count() < 5) {
			return Optional.of("must not repeat so few characters");
		}
		if (this.common.contains(lower)
				|| this.common.stream().anyMatch((word) -> word.length() >= 8 && lower.contains(word))) {
			return Optional.of("is too common; choose a longer phrase of unrelated words");
		}
		String name = email.contains("@") ? email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT) : "";
		if (name.length() >= 4 && lower.contains(name)) {
			return Optional.of("must not contain your email address");
		}
		return Optional.empty();
	}

}
