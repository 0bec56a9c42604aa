package cn.cztexchange.identity;

/** Whether an admin has checked that an organisation is what it says it is. */
public enum VerificationStatus {

	UNVERIFIED, VERIFIED, REJECTED

}
