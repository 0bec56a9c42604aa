package cn.cztexchange.catalog;

import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.FieldError;
import cn.cztexchange.platform.InvalidRequestException;
import cn.cztexchange.platform.ProblemDetails;

/** Reading the parts of a multipart upload, with errors that name the part. */
final class Uploads {

	private Uploads() {
	}

	/**
	 * The named file part, read whole into memory if it is at most {@code maxSize}; a 400
	 * naming the part when it is missing or empty, a 413 naming it when it is too large.
	 */
	static Mono<UploadedFile> file(MultiValueMap<String, Part> parts, String name, DataSize maxSize) {
		Part part = parts.getFirst(name);
		if (!(part instanceof FilePart file)) {
			return Mono.error(new InvalidRequestException(name,
					(part == null) ? "must be given (a file)" : "must be a file, not a text field"));
		}
		return DataBufferUtils.join(file.content(), (int) Math.min(Integer.MAX_VALUE, maxSize.toBytes()))
			.map((buffer) -> {
				try {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					return bytes;
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
			.defaultIfEmpty(new byte[0])
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge(name, maxSize))
			.flatMap((bytes) -> (bytes.length == 0) ? Mono.error(new InvalidRequestException(name, "must not be empty"))
					: Mono.just(new UploadedFile(fileName(file.filename()), bytes)));
	}

	/** The named text field, or null when absent or blank. */
	static String text(MultiValueMap<String, Part> parts, String name) {
		Part part = parts.getFirst(name);
		if (part instanceof FormFieldPart field && !field.value().isBlank()) {
			return field.value().strip();
		}
		return null;
	}

	static ErrorResponseException tooLarge(String name, DataSize maxSize) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
				"The file is larger than the " + describe(maxSize) + " accepted.");
		problem.setTitle("File too large");
		problem.setProperty(ProblemDetails.ERRORS,
				List.of(new FieldError(name, "must be at most " + describe(maxSize))));
		return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
	}

	static String describe(DataSize size) {
		return (size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0) ? size.toMegabytes() + " MB"
				: (size.toBytes() % 1024 == 0) ? size.toKilobytes() + " KB" : size.toBytes() + " bytes";
	}

	private static String fileName(String name) {
		if (name == null || name.isBlank()) {
			return "upload";
		}
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		return base.isEmpty() ? "upload" : (base.length() > 255) ? base.substring(0, 255) : base;
	}

	/**
	 * @param name the file's name as the client gave it, without any folder
	 * @param bytes its content
	 */
	record UploadedFile(String name, byte[] bytes) {
	}

}
