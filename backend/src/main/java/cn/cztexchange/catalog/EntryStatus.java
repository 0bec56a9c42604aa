package cn.cztexchange.catalog;

/** Whether an entry is visible: never published yet, published, or withdrawn for good. */
public enum EntryStatus {

	DRAFT, PUBLISHED, ARCHIVED

}
