package cn.cztexchange.localservices;

/** The servers that {@link LocalServices} can provide. */
public enum LocalService {

	POSTGRES("PostgreSQL"), ELASTICSEARCH("Elasticsearch");

	private final String displayName;

	LocalService(String displayName) {
		this.displayName = displayName;
	}

	public String displayName() {
		return displayName;
	}

}
