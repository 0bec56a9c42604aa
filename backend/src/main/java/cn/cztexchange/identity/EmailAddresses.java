package cn.cztexchange.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** One spelling per address: trimmed, NFKC (full-width ＠ becomes @) and lower case. */
final class EmailAddresses {

	private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

	private EmailAddresses() {
	}

	static String normalise(String email) {
		return Normalizer.normalize(email.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	static boolean isValid(String normalised) {
		return normalised.length() <= 254 && SHAPE.matcher(normalised).matches();
	}

}
