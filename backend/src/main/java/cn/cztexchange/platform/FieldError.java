package cn.cztexchange.platform;

/**
 * One bad field of a request, as listed in the {@code errors} member of a problem detail.
 *
 * @param field the field's path in the request, e.g. {@code contactEmail} or
 * {@code items[2].name}
 * @param message what is wrong with it, in words a user can act on
 */
public record FieldError(String field, String message) {
}
