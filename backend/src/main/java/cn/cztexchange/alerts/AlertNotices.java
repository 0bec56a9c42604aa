package cn.cztexchange.alerts;

import java.util.List;
import java.util.UUID;

import cn.cztexchange.catalog.CatalogReader.PublishedContent;
import cn.cztexchange.notification.Notice;

/**
 * What alerts tell users, in their language. A notice has both titles (the notification
 * feature picks one), and a body that this feature writes in the owner's language, as it
 * lists entries' titles.
 */
final class AlertNotices {

	/** Type of the in-app notice of a saved search's new hits. */
	static final String HITS = "SAVED_SEARCH_HITS";

	/** Type of the daily digest. */
	static final String DIGEST = "SAVED_SEARCH_DIGEST";

	/** Titles the in-app notice lists. */
	static final int TITLES_IN_NOTICE = 3;

	private AlertNotices() {
	}

	/**
	 * The in-app notice of new hits of one saved search: a count and the first titles,
	 * linking to the search.
	 * @param search the saved search's owner, name and query
	 * @param count how many new hits it has
	 * @param shown the first of them that are still published (at most
	 * {@value #TITLES_IN_NOTICE}), to be listed
	 * @param locale the owner's language
	 */
	static Notice hits(SavedSearchRepository.Candidate search, int count, List<PublishedContent> shown, String locale) {
		String titleZh = "订阅的搜索有 " + count + " 条新结果：" + search.name();
		String titleEn = count + ((count == 1) ? " new result" : " new results") + " for your saved search "
				+ search.name();
		List<String> titles = shown.stream().map((entry) -> title(entry, locale)).toList();
		int more = count - titles.size();
		String body;
		if (english(locale)) {
			body = String.join("; ", titles) + ((more > 0) ? " and " + more + " more" : "");
		}
		else {
			body = String.join("；", titles) + ((more > 0) ? " 等 " + count + " 条" : "");
		}
		return new Notice(List.of(search.userId()), null, HITS, titleZh, titleEn, body, searchLink(search.query()),
				false);
	}

	/**
	 * The daily digest of one user: for each saved search, how many new results, the
	 * titles of the first and how many more.
	 * @param userId the user
	 * @param sections the user's saved searches with new hits
	 * @param locale the user's language
	 */
	static Notice digest(UUID userId, List<DigestSection> sections, String locale) {
		boolean english = english(locale);
		int total = sections.stream().mapToInt(DigestSection::count).sum();
		StringBuilder body = new StringBuilder();
		for (DigestSection section : sections) {
			if (!body.isEmpty()) {
				body.append('\n');
			}
			int count = section.count();
			body.append(english ? section.name() + " (" + count + ((count == 1) ? " new result)" : " new results)")
					: section.name() + "（" + count + " 条新结果）")
				.append('\n');
			section.shown().forEach((entry) -> body.append("· ").append(title(entry, locale)).append('\n'));
			int more = count - section.shown().size();
			if (more > 0) {
				body.append(english ? "and " + more + " more" : "……及另外 " + more + " 条").append('\n');
			}
		}
		String titleZh = "订阅搜索每日摘要：" + total + " 条新结果";
		String titleEn = "Your saved searches today: " + total + ((total == 1) ? " new result" : " new results");
		return new Notice(List.of(userId), null, DIGEST, titleZh, titleEn, body.toString().strip(), "/saved-searches",
				true);
	}

	/** The web app's search page, opened on the saved query. */
	static String searchLink(String query) {
		return query.isEmpty() ? "/search" : "/search?" + query;
	}

	private static String title(PublishedContent entry, String locale) {
		String english = entry.content().titleEn();
		return (english(locale) && english != null && !english.isBlank()) ? english : entry.content().titleZh();
	}

	private static boolean english(String locale) {
		return locale != null && locale.startsWith("en");
	}

	/**
	 * One saved search in a digest.
	 *
	 * @param name its name
	 * @param count how many new hits it has
	 * @param shown the newest of them that are still published, to be listed
	 */
	record DigestSection(String name, int count, List<PublishedContent> shown) {
	}

}
