package cn.cztexchange;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;

/**
 * The tests' HTTP client opens a connection for each request instead of reusing pooled
 * ones: some runs lost a request on a reused connection (the test waited 30 s, the server
 * saw nothing), and a test must not depend on what the previous test left on a
 * connection.
 */
@TestConfiguration(proxyBeanMethods = false)
class FreshConnections {

	@Bean
	WebTestClientBuilderCustomizer freshConnectionPerRequest() {
		return (builder) -> builder.clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()));
	}

}
