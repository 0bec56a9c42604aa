/**
 * The catalogue of innovation resources — instruments, technical services, literature,
 * tech-transfer offerings and financing entries — and their publishing lifecycle: drafts,
 * review by admins, publication and archiving; owns {@code catalog_entries}.
 */
package cn.cztexchange.catalog;
