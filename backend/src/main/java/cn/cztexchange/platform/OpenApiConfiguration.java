package cn.cztexchange.platform;

import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI 3 document at {@code /v3/api-docs}; Swagger UI at {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String BEARER = "bearer";

	@Bean
	OpenAPI openApi(ObjectProvider<BuildProperties> build) {
		String version = build.getIfAvailable() != null ? build.getIfAvailable().getVersion() : "dev";
		return new OpenAPI()
			.info(new Info().title("CZT Innovation Exchange API")
				.version(version)
				.description("长株潭创新资源共享平台 — the API of the Changsha–Zhuzhou–Xiangtan innovation resource exchange. "
						+ "Every error is an RFC 9457 problem detail (application/problem+json); invalid input lists "
						+ "each bad field in `errors`.")
				.license(new License().name("Proprietary")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("The `accessToken` from POST /api/v1/auth/login or /api/v1/auth/refresh.")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
