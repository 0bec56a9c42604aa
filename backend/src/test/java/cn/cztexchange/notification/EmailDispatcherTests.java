package cn.cztexchange.notification;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

import cn.cztexchange.notification.NotificationRepository.StoredNotification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's rules: what goes into an email's text, and which failures are worth
 * another attempt.
 */
class EmailDispatcherTests {

	@Test
	void theTextIsTheBodyThenTheAbsoluteLink() {
		assertThat(dispatcher("https://czt.example/").text(notification("/bookings/7")))
			.isEqualTo("您的预约已批准。\n\nhttps://czt.example/bookings/7\n");
		assertThat(dispatcher("https://czt.example").text(notification("/bookings/7")))
			.isEqualTo("您的预约已批准。\n\nhttps://czt.example/bookings/7\n");
		assertThat(dispatcher("https://czt.example").text(notification(null))).isEqualTo("您的预约已批准。\n");
	}

	@Test
	void aRejectedRecipientIsPermanentAndAnUnreachableServerIsNot() throws Exception {
		SendFailedException rejected = new SendFailedException("550 no such user", null, new InternetAddress[0],
				new InternetAddress[0], new InternetAddress[] { new InternetAddress("nobody@example.com") });
		assertThat(EmailDispatcher.permanent(new MailSendException(Map.<Object, Exception>of("message", rejected))))
			.isTrue();
		assertThat(EmailDispatcher.permanent(new MailPreparationException("bad address"))).isTrue();

		MessagingException unreachable = new MessagingException("Couldn't connect", new ConnectException("refused"));
		assertThat(EmailDispatcher.permanent(new MailSendException("Mail server connection failed", unreachable)))
			.isFalse();
		assertThat(EmailDispatcher.permanent(new MailSendException(Map.<Object, Exception>of("message", unreachable))))
			.isFalse();
		// 4xx for a recipient: valid, not sent yet; worth another attempt.
		SendFailedException later = new SendFailedException("452 try later", null, new InternetAddress[0],
				new InternetAddress[] { new InternetAddress("busy@example.com") }, new InternetAddress[0]);
		assertThat(EmailDispatcher.permanent(new MailSendException(Map.<Object, Exception>of("message", later))))
			.isFalse();
		assertThat(EmailDispatcher.permanent(new MailAuthenticationException("535 bad credentials"))).isFalse();
	}

	private static EmailDispatcher dispatcher(String baseUrl) {
		NotificationProperties properties = new NotificationProperties(new NotificationProperties.Email(true,
				"from@example.com", baseUrl, Duration.ofSeconds(1), Duration.ofSeconds(1), 20, Duration.ofSeconds(5)));
		return new EmailDispatcher(null, null, null, null, null, null, properties, null);
	}

	private static StoredNotification notification(String link) {
		return new StoredNotification(UUID.randomUUID(), UUID.randomUUID(), "BOOKING_APPROVED", "预约已批准", "您的预约已批准。",
				link, Instant.now(), null, null);
	}

}
