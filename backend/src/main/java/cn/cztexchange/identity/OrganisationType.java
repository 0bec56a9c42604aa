package cn.cztexchange.identity;

/** The kinds of organisation on the platform. */
public enum OrganisationType {

	UNIVERSITY, RESEARCH_INSTITUTE, FIRM, PARK, INVESTOR, PLATFORM_OPERATOR

}
