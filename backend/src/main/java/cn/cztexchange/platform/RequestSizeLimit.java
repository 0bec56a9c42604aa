package cn.cztexchange.platform;

import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * A larger request body limit for one endpoint (an upload), instead of
 * {@link WebProperties#maxRequestSize()}; declare it as a bean next to the endpoint.
 *
 * @param method the endpoint's method
 * @param pathPattern the endpoint's path, as a Spring path pattern
 * ({@code /api/v1/catalog/entries/{id}/images})
 * @param maxSize largest request body accepted there, multipart envelope included
 */
public record RequestSizeLimit(HttpMethod method, String pathPattern, DataSize maxSize) {
}
