package cn.cztexchange.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) for the tests, started once per test JVM on a free port
 * before the first application context, which it points {@code spring.mail.host} and
 * {@code port} at (registered in {@code META-INF/spring.factories}). Tests can stop and
 * start it again on the same port to play a mail server outage.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static GreenMail server;

	private static int port;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ensureStarted();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testMailServer",
					Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port)));
	}

	private static synchronized void ensureStarted() {
		if (server == null) {
			port = freePort();
			server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			server.start();
		}
	}

	/** Stops the server: connections are refused until {@link #start()}. */
	public static synchronized void stop() {
		server.stop();
	}

	/** Starts the server again, on the same port. */
	public static synchronized void start() {
		server.start();
	}

	/** The messages the server has received for this address since it last started. */
	public static synchronized List<MimeMessage> receivedBy(String email) {
		return Arrays.stream(server.getReceivedMessages()).filter((message) -> isFor(message, email)).toList();
	}

	private static boolean isFor(MimeMessage message, String email) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients)
				.anyMatch((address) -> address instanceof InternetAddress internet
						&& email.equalsIgnoreCase(internet.getAddress()));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
