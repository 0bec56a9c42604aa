/**
 * Who is asking and on whose behalf: users, organisations and memberships, roles, login
 * with JWT access tokens and rotating refresh tokens, rate limits, the access policy and
 * the audit log.
 */
package cn.cztexchange.identity;
