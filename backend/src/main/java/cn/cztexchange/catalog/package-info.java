/**
 * The catalogue of innovation resources — instruments, technical services, literature,
 * tech-transfer offerings and financing entries — and their publishing lifecycle: drafts,
 * review by admins, publication and archiving; bulk import from spreadsheets and pictures
 * of entries; owns {@code catalog_entries}, {@code catalog_import} and
 * {@code catalog_image}.
 */
package cn.cztexchange.catalog;
