package cn.cztexchange.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

import cn.cztexchange.platform.RequestSizeLimit;

/**
 * The two upload endpoints accept larger bodies than the rest of the API: their file
 * limit plus room for the multipart envelope and the form's other fields.
 */
@Configuration(proxyBeanMethods = false)
class CatalogUploadConfiguration {

	private static final DataSize ENVELOPE = DataSize.ofKilobytes(64);

	@Bean
	RequestSizeLimit importUploadLimit(CatalogImportProperties properties) {
		return new RequestSizeLimit(HttpMethod.POST, "/api/v1/catalog/imports", plusEnvelope(properties.maxFileSize()));
	}

	@Bean
	RequestSizeLimit imageUploadLimit(CatalogImageProperties properties) {
		return new RequestSizeLimit(HttpMethod.POST, "/api/v1/catalog/entries/{entryId}/images",
				plusEnvelope(properties.maxFileSize()));
	}

	private static DataSize plusEnvelope(DataSize size) {
		return DataSize.ofBytes(size.toBytes() + ENVELOPE.toBytes());
	}

}
