package cn.cztexchange;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The CZT Innovation Exchange (长株潭创新资源共享平台): one deployable serving the API and the web
 * app.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CztExchangeApplication {

	public static void main(String[] args) {
		SpringApplication.run(CztExchangeApplication.class, args);
	}

}
