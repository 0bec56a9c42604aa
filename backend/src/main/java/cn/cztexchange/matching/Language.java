package cn.cztexchange.matching;

import java.util.List;
import java.util.Locale;

/**
 * The language of explanations and notifications: Simplified Chinese unless the request
 * (its {@code Accept-Language}, which the web app sets to its own language) or else the
 * user's chosen locale asks for English.
 */
enum Language {

	ZH, EN;

	/** The first of the request's preferred languages that we speak, or null. */
	static Language accepted(List<Locale> accepted) {
		for (Locale locale : accepted) {
			if ("zh".equals(locale.getLanguage())) {
				return ZH;
			}
			if ("en".equals(locale.getLanguage())) {
				return EN;
			}
		}
		return null;
	}

	/** A user's stored locale ({@code zh-CN} or {@code en}); Chinese when unknown. */
	static Language ofLocale(String locale) {
		return (locale != null && locale.toLowerCase(Locale.ROOT).startsWith("en")) ? EN : ZH;
	}

	/** The one of the two texts in this language. */
	String pick(String zh, String en) {
		return (this == ZH) ? zh : en;
	}

}
