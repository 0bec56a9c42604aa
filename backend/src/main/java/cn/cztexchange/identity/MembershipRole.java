package cn.cztexchange.identity;

/** A user's role inside one organisation: managers manage its members and offerings. */
public enum MembershipRole {

	MEMBER, MANAGER

}
