package cn.cztexchange.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Pictures of entries.
 *
 * @param maxFileSize largest image file accepted; the upload endpoint's request limit is
 * this plus room for the multipart envelope
 * @param maxPerEntry most images one entry may have
 * @param maxDimension most pixels in either direction
 * @param publicMaxAge how long browsers and proxies may cache an image of a published
 * entry
 */
@ConfigurationProperties("app.catalog.images")
record CatalogImageProperties(@DefaultValue("5MB") DataSize maxFileSize, @DefaultValue("8") int maxPerEntry,
		@DefaultValue("8000") int maxDimension, @DefaultValue("1d") Duration publicMaxAge) {
}
