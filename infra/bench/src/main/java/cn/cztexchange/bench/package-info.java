/**
 * The benchmark (indexing, search latency and throughput, write-to-searchable) and its
 * runner; started by {@code ./mvnw -Pbench}, see {@code infra/bench/README.md}.
 */
package cn.cztexchange.bench;
