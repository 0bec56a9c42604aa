package cn.cztexchange.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings of the API.
 *
 * @param maxRequestSize largest request body the API reads into memory; larger requests
 * are answered with 413 before their body is read
 */
@ConfigurationProperties("app.web")
public record WebProperties(@DefaultValue("1MB") DataSize maxRequestSize) {
}
