package cn.cztexchange.catalog;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;

@RestController
@Tag(name = "Catalogue")
class CatalogImageController {

	private final CatalogImageService service;

	private final CatalogImageProperties properties;

	CatalogImageController(CatalogImageService service, CatalogImageProperties properties) {
		this.service = service;
		this.properties = properties;
	}

	@PostMapping(path = "/api/v1/catalog/entries/{entryId}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload a picture of the entry (multipart part 'file')",
			description = "JPEG, PNG or WebP, told by the file's content; at most 5 MB (413), 8000 × 8000 pixels "
					+ "and 8 images per entry (409). Add its id to the content's imageIds to show it.")
	Mono<ImageResponse> upload(@PathVariable UUID entryId, @RequestBody Mono<MultiValueMap<String, Part>> parts,
			@AuthenticationPrincipal Jwt jwt) {
		return parts.flatMap((form) -> Uploads.file(form, "file", this.properties.maxFileSize()))
			.flatMap((file) -> this.service.upload(entryId, file.bytes(), CurrentUser.of(jwt)))
			.map(ImageResponse::of);
	}

	@GetMapping("/api/v1/catalog/entries/{entryId}/images")
	@Operation(summary = "The entry's pictures, oldest first, for its organisation's members")
	Mono<List<ImageResponse>> list(@PathVariable UUID entryId, @AuthenticationPrincipal Jwt jwt) {
		return this.service.list(entryId, CurrentUser.of(jwt)).map(ImageResponse::of).collectList();
	}

	@DeleteMapping("/api/v1/catalog/entries/{entryId}/images/{imageId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a picture; it also leaves the working copy's imageIds",
			description = "409 while the published content shows it.")
	Mono<Void> delete(@PathVariable UUID entryId, @PathVariable UUID imageId, @AuthenticationPrincipal Jwt jwt) {
		return this.service.delete(entryId, imageId, CurrentUser.of(jwt));
	}

	@GetMapping("/api/v1/images/{imageId}")
	@Operation(summary = "A picture's bytes",
			description = "Anyone may fetch the pictures a published entry shows (cached publicly for a day); "
					+ "the others only the entry's organisation's members. ETag with If-None-Match gives 304.")
	Mono<ResponseEntity<byte[]>> image(@PathVariable UUID imageId,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) List<String> ifNoneMatch,
			@AuthenticationPrincipal Jwt jwt) {
		return this.service.read(imageId, (jwt != null) ? CurrentUser.of(jwt) : null).map((served) -> {
			CatalogImage image = served.image();
			String etag = "\"" + image.sha256() + "\"";
			CacheControl cache = served.isPublic() ? CacheControl.maxAge(this.properties.publicMaxAge()).cachePublic()
					: CacheControl.noStore().cachePrivate();
			if (matches(ifNoneMatch, etag)) {
				return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
			}
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(image.contentType()))
				.contentLength(image.bytes().length)
				.eTag(etag)
				.cacheControl(cache)
				.header("X-Content-Type-Options", "nosniff")
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
				.body(image.bytes());
		});
	}

	private static boolean matches(List<String> ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String header : ifNoneMatch) {
			for (String tag : header.split(",")) {
				String candidate = tag.strip();
				if (candidate.startsWith("W/")) {
					candidate = candidate.substring(2);
				}
				if (candidate.equals("*") || candidate.equals(etag)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * A picture of an entry.
	 *
	 * @param id the image
	 * @param contentType image/jpeg, image/png or image/webp, read from the file itself
	 * @param sizeBytes the file's size
	 * @param width pixels across
	 * @param height pixels down
	 * @param url where to fetch it
	 */
	record ImageResponse(UUID id, String contentType, int sizeBytes, int width, int height, String url) {

		static ImageResponse of(CatalogImage image) {
			return new ImageResponse(image.id(), image.contentType(), image.sizeBytes(), image.width(), image.height(),
					image.url());
		}

	}

}
