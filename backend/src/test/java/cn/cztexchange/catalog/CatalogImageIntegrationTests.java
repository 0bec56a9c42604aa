package cn.cztexchange.catalog;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pictures of entries: typed by their content, limited in size, number and pixels;
 * private to the organisation until published content shows them.
 */
@IntegrationTest
class CatalogImageIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	UUID organisation;

	Account publisher;

	Account admin;

	@BeforeEach
	void organisationWithAPublisher() {
		this.organisation = this.accounts.organisation(true);
		this.publisher = this.accounts.user(Role.PUBLISHER);
		this.accounts.join(this.organisation, this.publisher, MembershipRole.MEMBER);
		this.admin = this.accounts.user(Role.ADMIN);
	}

	@Test
	void pngAndJpegImagesAreStoredAndReadBack() {
		CatalogEntryResponse entry = createEntry("带图片的仪器");
		byte[] png = image("png", 40, 30);
		Map<String, Object> uploaded = upload(this.publisher, entry.id(), png, "photo.png").expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(uploaded).containsEntry("contentType", "image/png")
			.containsEntry("sizeBytes", png.length)
			.containsEntry("width", 40)
			.containsEntry("height", 30)
			.containsEntry("url", "/api/v1/images/" + uploaded.get("id"));
		byte[] read = fetch(this.publisher, (String) uploaded.get("url")).expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, (cache) -> assertThat(cache).contains("no-store", "private"))
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(read).isEqualTo(png);

		byte[] jpeg = image("jpeg", 64, 48);
		upload(this.publisher, entry.id(), jpeg, "photo.jpeg").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.contentType")
			.isEqualTo("image/jpeg")
			.jsonPath("$.width")
			.isEqualTo(64);
		this.client.get()
			.uri("/api/v1/catalog/entries/{id}/images", entry.id())
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2)
			.jsonPath("$[0].contentType")
			.isEqualTo("image/png");
	}

	@Test
	void theTypeComesFromTheContentNotTheName() {
		CatalogEntryResponse entry = createEntry("类型识别");
		upload(this.publisher, entry.id(), image("png", 10, 10), "really-a-png.jpg").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.contentType")
			.isEqualTo("image/png");
		fileProblem(upload(this.publisher, entry.id(), "not an image".getBytes(StandardCharsets.UTF_8), "text.png"),
				400, "must be a JPEG, PNG or WebP image");
		fileProblem(upload(this.publisher, entry.id(), webp(), "picture.webp"), 201, null);
	}

	@Test
	void tooLargeTooManyAndCorruptImagesAreRefused() {
		CatalogEntryResponse entry = createEntry("限制");
		byte[] png = image("png", 20, 20);
		byte[] huge = Arrays.copyOf(png, 5 * 1024 * 1024 + 1);
		problem(upload(this.publisher, entry.id(), huge, "huge.png"), 413);
		byte[] truncated = Arrays.copyOf(png, png.length / 2);
		fileProblem(upload(this.publisher, entry.id(), truncated, "broken.png"), 400, "damaged");
		byte[] jpeg = image("jpeg", 200, 200);
		fileProblem(upload(this.publisher, entry.id(), Arrays.copyOf(jpeg, jpeg.length / 2), "broken.jpg"), 400,
				"damaged");
		fileProblem(upload(this.publisher, entry.id(), image("png", 8001, 1), "wide.png"), 400, "8000");
		for (int i = 0; i < 8; i++) {
			upload(this.publisher, entry.id(), png, "p" + i + ".png").expectStatus().isCreated();
		}
		problem(upload(this.publisher, entry.id(), png, "ninth.png"), 409);
		MultipartBodyBuilder withoutFile = new MultipartBodyBuilder();
		withoutFile.part("note", "no file");
		problem(upload(this.publisher, entry.id(), withoutFile), 400).jsonPath("$.errors[0].field").isEqualTo("file");
	}

	@Test
	void onlyPublishersUploadAndOnlyMembersSeeUnpublishedImages() {
		CatalogEntryResponse entry = createEntry("权限");
		Account member = this.accounts.user(Role.RESEARCHER);
		this.accounts.join(this.organisation, member, MembershipRole.MEMBER);
		Account outsider = this.accounts.user(Role.PUBLISHER);
		problem(upload(member, entry.id(), image("png", 5, 5), "a.png"), 403);
		problem(upload(outsider, entry.id(), image("png", 5, 5), "a.png"), 404);
		String url = uploadedUrl(entry.id(), image("png", 5, 5));
		fetch(member, url).expectStatus().isOk();
		fetch(this.admin, url).expectStatus().isOk();
		fetch(outsider, url).expectStatus().isNotFound();
		this.client.get().uri(url).exchange().expectStatus().isNotFound();
		this.client.get().uri("/api/v1/images/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
	}

	@Test
	void anyoneSeesTheImagesOfPublishedContentAndTheyAreCachedByETag() {
		CatalogEntryResponse entry = createEntry("公开图片");
		String shown = uploadedUrl(entry.id(), image("png", 30, 20));
		String hidden = uploadedUrl(entry.id(), image("jpeg", 30, 20));
		UUID shownId = UUID.fromString(shown.substring(shown.lastIndexOf('/') + 1));
		CatalogEntryResponse updated = update(entry, List.of(shownId)).expectStatus()
			.isOk()
			.expectBody(CatalogEntryResponse.class)
			.returnResult()
			.getResponseBody();
		assertThat(updated.draft().imageIds()).containsExactly(shownId);
		this.client.get().uri(shown).exchange().expectStatus().isNotFound();
		act(this.publisher, "/api/v1/catalog/entries/{id}/submit", entry.id());
		act(this.admin, "/api/v1/admin/catalog/entries/{id}/approve", entry.id());

		String etag = this.client.get()
			.uri(shown)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=86400, public")
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getETag();
		assertThat(etag).matches("\"[0-9a-f]{64}\"");
		this.client.get()
			.uri(shown)
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectBody()
			.isEmpty();
		this.client.get().uri(hidden).exchange().expectStatus().isNotFound();
		this.client.get()
			.uri("/api/v1/resources/{id}", entry.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content.imageIds[0]")
			.isEqualTo(shownId.toString());
		problem(this.client.delete()
			.uri("/api/v1/catalog/entries/{id}/images/{image}", entry.id(), shownId)
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.exchange(), 409);
	}

	@Test
	void contentListsOnlyTheEntrysOwnImages() {
		CatalogEntryResponse entry = createEntry("图片校验");
		CatalogEntryResponse other = createEntry("另一个");
		String othersImage = uploadedUrl(other.id(), image("png", 5, 5));
		UUID foreign = UUID.fromString(othersImage.substring(othersImage.lastIndexOf('/') + 1));
		String own = uploadedUrl(entry.id(), image("png", 5, 5));
		UUID ownId = UUID.fromString(own.substring(own.lastIndexOf('/') + 1));
		problem(update(entry, List.of(ownId, foreign)), 400).jsonPath("$.errors[0].field")
			.isEqualTo("content.imageIds[1]")
			.jsonPath("$.errors.length()")
			.isEqualTo(1);
		problem(update(entry, List.of(ownId, ownId)), 400).jsonPath("$.errors[0].field")
			.isEqualTo("content.imageIds[1]");
		Map<String, Object> request = CatalogTestEntries.instrument(this.organisation, "新建带图");
		@SuppressWarnings("unchecked")
		Map<String, Object> content = (Map<String, Object>) request.get("content");
		content.put("imageIds", List.of(ownId));
		problem(this.client.post()
			.uri("/api/v1/catalog/entries")
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange(), 400).jsonPath("$.errors[0].field").isEqualTo("content.imageIds[0]");
		update(entry, List.of(ownId)).expectStatus().isOk();
	}

	@Test
	void deletingAnImageTakesItOutOfTheWorkingCopy() {
		CatalogEntryResponse entry = createEntry("删除图片");
		String first = uploadedUrl(entry.id(), image("png", 5, 5));
		String second = uploadedUrl(entry.id(), image("png", 6, 6));
		UUID firstId = UUID.fromString(first.substring(first.lastIndexOf('/') + 1));
		UUID secondId = UUID.fromString(second.substring(second.lastIndexOf('/') + 1));
		update(entry, List.of(firstId, secondId)).expectStatus().isOk();
		this.client.delete()
			.uri("/api/v1/catalog/entries/{id}/images/{image}", entry.id(), firstId)
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.exchange()
			.expectStatus()
			.isNoContent();
		CatalogEntryResponse after = this.client.get()
			.uri("/api/v1/catalog/entries/{id}", entry.id())
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(CatalogEntryResponse.class)
			.returnResult()
			.getResponseBody();
		assertThat(after.draft().imageIds()).containsExactly(secondId);
		assertThat(after.version()).isEqualTo(entry.version() + 2);
		fetch(this.publisher, first).expectStatus().isNotFound();
		problem(this.client.delete()
			.uri("/api/v1/catalog/entries/{id}/images/{image}", entry.id(), firstId)
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.exchange(), 404);
		this.client.get()
			.uri("/api/v1/catalog/entries/{id}/images", entry.id())
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1);
	}

	private CatalogEntryResponse createEntry(String title) {
		return this.client.post()
			.uri("/api/v1/catalog/entries")
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(CatalogTestEntries.instrument(this.organisation, title))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(CatalogEntryResponse.class)
			.returnResult()
			.getResponseBody();
	}

	private ResponseSpec update(CatalogEntryResponse entry, List<UUID> imageIds) {
		Map<String, Object> request = CatalogTestEntries.instrument(this.organisation, entry.draft().titleZh());
		@SuppressWarnings("unchecked")
		Map<String, Object> content = (Map<String, Object>) request.get("content");
		content.put("imageIds", imageIds);
		return this.client.put()
			.uri("/api/v1/catalog/entries/{id}", entry.id())
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("content", content, "version", currentVersion(entry.id())))
			.exchange();
	}

	private int currentVersion(UUID id) {
		return this.client.get()
			.uri("/api/v1/catalog/entries/{id}", id)
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.exchange()
			.expectBody(CatalogEntryResponse.class)
			.returnResult()
			.getResponseBody()
			.version();
	}

	private void act(Account account, String path, UUID id) {
		this.client.post()
			.uri(path, id)
			.headers((h) -> h.setBearerAuth(account.token()))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private String uploadedUrl(UUID entryId, byte[] bytes) {
		return upload(this.publisher, entryId, bytes, "image").expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody()
			.get("url")
			.toString();
	}

	private ResponseSpec upload(Account account, UUID entryId, byte[] bytes, String name) {
		return upload(account, entryId, Uploading.file(bytes, name));
	}

	private ResponseSpec upload(Account account, UUID entryId, MultipartBodyBuilder body) {
		return this.client.post()
			.uri("/api/v1/catalog/entries/{id}/images", entryId)
			.headers((h) -> h.setBearerAuth(account.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.bodyValue(body.build())
			.exchange();
	}

	private ResponseSpec fetch(Account account, String url) {
		return this.client.get().uri(url).headers((h) -> h.setBearerAuth(account.token())).exchange();
	}

	private static void fileProblem(ResponseSpec response, int status, String message) {
		if (message == null) {
			response.expectStatus().isEqualTo(status);
			return;
		}
		problem(response, status).jsonPath("$.errors[0].field")
			.isEqualTo("file")
			.jsonPath("$.errors[0].message")
			.value((String text) -> assertThat(text).contains(message));
	}

	private static WebTestClient.BodyContentSpec problem(ResponseSpec response, int status) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(status);
	}

	/** A real image, drawn and encoded by the JDK. */
	static byte[] image(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.BLUE);
		graphics.drawLine(0, 0, width - 1, height - 1);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			assertThat(ImageIO.write(image, format, out)).isTrue();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	/** The smallest lossless WebP header: a 2 × 3 canvas. */
	static byte[] webp() {
		byte[] bytes = new byte[34];
		System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
		bytes[4] = 26;
		System.arraycopy("WEBPVP8L".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 8);
		bytes[16] = 14;
		bytes[20] = 0x2F;
		int bits = (2 - 1) | ((3 - 1) << 14);
		bytes[21] = (byte) bits;
		bytes[22] = (byte) (bits >> 8);
		bytes[23] = (byte) (bits >> 16);
		bytes[24] = (byte) (bits >> 24);
		return bytes;
	}

}
