package cn.cztexchange.identity;

/**
 * The answer to a login or a refresh. The refresh token is not here: it travels only in
 * an HttpOnly cookie that scripts cannot read.
 *
 * @param accessToken the bearer token for API calls
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 * @param user who is signed in
 */
record LoginResponse(String accessToken, String tokenType, long expiresIn, MeResponse user) {
}
