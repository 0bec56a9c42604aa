package cn.cztexchange.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over one kept-alive connection, as plainly as a load generator can speak it: a
 * request is bytes written once, a response is a status line, headers and a body (by
 * {@code Content-Length} or chunked) read in full. The booking load compares the API with
 * raw JDBC inserts, whose client costs next to nothing. The JDK's HttpClient took about
 * eight per cent of the JVM's CPU while it drove the API, CPU that the application under
 * test shares on a small machine; so the booking side uses this instead.
 */
final class PlainHttpConnection implements ClosedLoopLoad.Sender<PlainHttpConnection.Request> {

	private final URI server;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	PlainHttpConnection(URI server) {
		this.server = server;
	}

	/**
	 * A request, encoded once.
	 *
	 * @param bytes the request line, headers and body
	 */
	record Request(byte[] bytes) {

		static Request of(URI server, String method, String target, Map<String, String> headers, String body) {
			byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
			StringBuilder head = new StringBuilder().append(method)
				.append(' ')
				.append(target)
				.append(" HTTP/1.1\r\nHost: ")
				.append(server.getHost())
				.append(':')
				.append(server.getPort())
				.append("\r\nContent-Length: ")
				.append(content.length)
				.append("\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
			byte[] bytes = new byte[start.length + content.length];
			System.arraycopy(start, 0, bytes, 0, start.length);
			System.arraycopy(content, 0, bytes, start.length, content.length);
			return new Request(bytes);
		}

	}

	@Override
	public int send(Request request) throws IOException {
		if (this.socket == null) {
			this.socket = new Socket(this.server.getHost(), this.server.getPort());
			this.socket.setTcpNoDelay(true);
			this.out = this.socket.getOutputStream();
			this.in = new BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
		}
		try {
			this.out.write(request.bytes());
			this.out.flush();
			return readResponse();
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	private int readResponse() throws IOException {
		String status = line();
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closing = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).strip());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				closing = true;
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0; size = Long
				.parseLong(line().split(";")[0].strip(), 16)) {
				skip(size);
				line();
			}
			while (!line().isEmpty()) {
				// trailers
			}
		}
		else if (length > 0) {
			skip(length);
		}
		if (closing) {
			close();
		}
		return code;
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
			if (b < 0) {
				throw new EOFException("the server closed the connection");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	private void skip(long count) throws IOException {
		long left = count;
		while (left > 0) {
			long skipped = this.in.skip(left);
			if (skipped <= 0) {
				if (this.in.read() < 0) {
					throw new EOFException("the server closed the connection");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	@Override
	public void close() throws IOException {
		if (this.socket != null) {
			this.socket.close();
			this.socket = null;
		}
	}

}
