package cn.cztexchange;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, against the real PostgreSQL and Elasticsearch
 * that the local services start once for the test JVM. Every test class using only this
 * annotation shares one cached application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Generous: password hashing is slow by design, and CI machines have two busy cores.
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import(FreshConnections.class)
public @interface IntegrationTest {

}
