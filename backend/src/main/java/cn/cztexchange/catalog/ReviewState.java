package cn.cztexchange.catalog;

/**
 * Where an entry's working copy stands: being edited, waiting for an admin, or sent back.
 */
public enum ReviewState {

	EDITING, PENDING, REJECTED

}
