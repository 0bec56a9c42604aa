package cn.cztexchange.platform;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.MultipartHttpMessageReader;
import org.springframework.web.reactive.config.WebFluxConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

	private final WebProperties properties;

	private final ObjectProvider<RequestSizeLimit> uploadLimits;

	WebConfiguration(WebProperties properties, ObjectProvider<RequestSizeLimit> uploadLimits) {
		this.properties = properties;
		this.uploadLimits = uploadLimits;
	}

	/**
	 * Bodies sent without a Content-Length (chunked) are held to the same limit while
	 * decoding. Multipart file parts beyond it go to temporary files, at most as large as
	 * the largest upload limit.
	 */
	@Override
	public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
		int maxInMemory = (int) this.properties.maxRequestSize().toBytes();
		configurer.defaultCodecs().maxInMemorySize(maxInMemory);
		DefaultPartHttpMessageReader parts = new DefaultPartHttpMessageReader();
		parts.setMaxInMemorySize(maxInMemory);
		parts.setMaxDiskUsagePerPart(
				this.uploadLimits.stream().mapToLong((limit) -> limit.maxSize().toBytes()).max().orElse(maxInMemory));
		configurer.defaultCodecs().multipartReader(new MultipartHttpMessageReader(parts));
	}

	/**
	 * One clock for the whole application, so that time-dependent rules can be tested.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
