package cn.cztexchange.matching;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo firms' profiles are what their members could have saved. */
class DemoFirmProfilesTests {

	@Test
	void everyDemoProfileIsAValidRequest() throws IOException {
		JsonMapper json = JsonMapper.builder().findAndAddModules().build();
		JsonNode profiles;
		try (InputStream in = new ClassPathResource("matching/demo-firm-profiles.json").getInputStream()) {
			profiles = json.readTree(in).get("profiles");
		}
		assertThat(profiles.size()).isEqualTo(9);
		try (var factory = Validation.buildDefaultValidatorFactory()) {
			Validator validator = factory.getValidator();
			for (Map.Entry<String, JsonNode> entry : profiles.properties()) {
				FirmProfileRequest request = json.treeToValue(entry.getValue(), FirmProfileRequest.class);
				assertThat(validator.validate(request)).as(entry.getKey()).isEmpty();
				assertThat(request.profile().discoverable()).isTrue();
				assertThat(request.contact().name()).as(entry.getKey()).contains("演示");
			}
		}
	}

}
