/**
 * Text analysis shared by the catalogue, which analyses content once when it is
 * published, and search, which analyses queries the same way.
 */
package cn.cztexchange.text;
