package cn.cztexchange.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

	private final WebProperties properties;

	WebConfiguration(WebProperties properties) {
		this.properties = properties;
	}

	/**
	 * Bodies sent without a Content-Length (chunked) are held to the same limit while
	 * decoding.
	 */
	@Override
	public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
		configurer.defaultCodecs().maxInMemorySize((int) this.properties.maxRequestSize().toBytes());
	}

	/**
	 * One clock for the whole application, so that time-dependent rules can be tested.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
