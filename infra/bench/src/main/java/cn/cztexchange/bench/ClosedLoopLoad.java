package cn.cztexchange.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed-loop load: {@code concurrency} client threads, each sending the next request
 * of a fixed list (round robin over all threads) as soon as its previous one has
 * answered, for a given time; any answer but a 2xx counts as an error. Every response
 * body is read in full. The same runner, HTTP client type and concurrency serve the API
 * and Elasticsearch, so the two are comparable.
 */
final class ClosedLoopLoad {

	private final HttpClient http;

	private final int concurrency;

	ClosedLoopLoad(HttpClient http, int concurrency) {
		this.http = http;
		this.concurrency = concurrency;
	}

	LatencyStats run(List<HttpRequest> requests, Duration duration) throws InterruptedException {
		return run(requests, duration, null);
	}

	/** Runs the load, also recording each query's latencies in {@code byQuery}. */
	LatencyStats run(List<HttpRequest> requests, Duration duration, QueryLatencies byQuery)
			throws InterruptedException {
		return run(requests, duration, byQuery,
				() -> (request) -> this.http.send(request, BodyHandlers.ofByteArray()).statusCode());
	}

	/**
	 * Runs the load with a sender of its own for each client thread (made in that thread,
	 * closed when it ends), of any request type.
	 */
	<R> LatencyStats run(List<R> requests, Duration duration, QueryLatencies byQuery, Supplier<Sender<R>> senders)
			throws InterruptedException {
		AtomicLong next = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		long started = System.nanoTime();
		long deadline = started + duration.toNanos();
		List<Client<R>> clients = new ArrayList<>();
		for (int t = 0; t < this.concurrency; t++) {
			Client<R> client = new Client<>(requests, next, errors, deadline, byQuery, senders);
			client.thread = new Thread(client, "bench-client-" + t);
			clients.add(client);
			client.thread.start();
		}
		int total = 0;
		for (Client<R> client : clients) {
			client.thread.join();
			total += client.count;
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		long[] all = new long[total];
		int at = 0;
		for (Client<R> client : clients) {
			System.arraycopy(client.latencies, 0, all, at, client.count);
			at += client.count;
		}
		return LatencyStats.of(all, errors.get(), elapsed);
	}

	/**
	 * Sends one request and answers the status of its response, read in full.
	 *
	 * @param <R> the request type
	 */
	interface Sender<R> extends AutoCloseable {

		int send(R request) throws IOException, InterruptedException;

		@Override
		default void close() throws IOException {
		}

	}

	/** One client thread and what it recorded (read after it has ended). */
	private static final class Client<R> implements Runnable {

		private final List<R> requests;

		private final Supplier<Sender<R>> senders;

		private final AtomicLong next;

		private final AtomicLong errors;

		private final long deadline;

		private final QueryLatencies byQuery;

		private Thread thread;

		private long[] latencies = new long[4096];

		private int count;

		Client(List<R> requests, AtomicLong next, AtomicLong errors, long deadline, QueryLatencies byQuery,
				Supplier<Sender<R>> senders) {
			this.senders = senders;
			this.byQuery = byQuery;
			this.requests = requests;
			this.next = next;
			this.errors = errors;
			this.deadline = deadline;
		}

		@Override
		public void run() {
			try (Sender<R> sender = this.senders.get()) {
				send(sender);
			}
			catch (IOException ex) {
				this.errors.incrementAndGet();
			}
		}

		private void send(Sender<R> sender) {
			while (System.nanoTime() < this.deadline) {
				int query = (int) (this.next.getAndIncrement() % this.requests.size());
				R request = this.requests.get(query);
				long sent = System.nanoTime();
				try {
					int status = sender.send(request);
					long took = System.nanoTime() - sent;
					if (status / 100 != 2) {
						this.errors.incrementAndGet();
						continue;
					}
					if (this.count == this.latencies.length) {
						this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
					}
					this.latencies[this.count++] = took;
					if (this.byQuery != null) {
						this.byQuery.add(query, took);
					}
				}
				catch (Exception ex) {
					this.errors.incrementAndGet();
				}
			}
		}

	}

}
