/**
 * Matchmaking: firm profiles (private until the firm accepts a match, a public card for
 * discoverers, the {@code firms} index of discoverable ones) and the engine that matches
 * firms with financing, technology offerings and needs, explains every match and keeps
 * stored suggestions fresh through the outbox; owns {@code firm_profiles} and
 * {@code match_suggestions}.
 */
package cn.cztexchange.matching;
