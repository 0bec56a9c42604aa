package cn.cztexchange.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import cn.cztexchange.platform.InvalidRequestException;

/**
 * What an uploaded image file really is: its type read from its first bytes (never from
 * its name or declared type) and its size in pixels. JPEG and PNG files are decoded
 * whole, so that a corrupt or truncated one is refused; WebP files, which the JDK cannot
 * decode, are checked for a well-formed RIFF container and frame header.
 *
 * @param contentType image/jpeg, image/png or image/webp
 * @param width pixels across
 * @param height pixels down
 */
record UploadedImage(String contentType, int width, int height) {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	static final String ACCEPTED = "must be a JPEG, PNG or WebP image";

	/**
	 * Inspects the file; a 400 naming {@code file} when it is no image we accept, is
	 * corrupt, or is larger than {@code maxDimension} either way.
	 */
	static UploadedImage inspect(byte[] bytes, int maxDimension) {
		UploadedImage image;
		if (startsWith(bytes, PNG)) {
			image = decode(bytes, "image/png", "png", maxDimension);
		}
		else if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8
				&& (bytes[2] & 0xFF) == 0xFF) {
			image = decode(bytes, "image/jpeg", "jpeg", maxDimension);
		}
		else if (bytes.length >= 12 && ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
			image = webp(bytes);
		}
		else {
			throw invalid(ACCEPTED + " (the file's content is neither)");
		}
		if (image.width() > maxDimension || image.height() > maxDimension) {
			throw invalid("must be at most " + maxDimension + " × " + maxDimension + " pixels; it has " + image.width()
					+ " × " + image.height());
		}
		return image;
	}

	/**
	 * Reads the size from the header, refuses what is too large before decoding, then
	 * decodes every eighth pixel each way: the whole stream is read (corruption shows) in
	 * a sixty-fourth of the memory.
	 */
	private static UploadedImage decode(byte[] bytes, String contentType, String format, int maxDimension) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + format);
		}
		ImageReader reader = readers.next();
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			reader.setInput(input, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width > maxDimension || height > maxDimension) {
				return new UploadedImage(contentType, width, height);
			}
			StringBuilder warnings = new StringBuilder();
			reader.addIIOReadWarningListener((source, warning) -> warnings.append(warning));
			ImageReadParam param = reader.getDefaultReadParam();
			param.setSourceSubsampling(8, 8, 0, 0);
			reader.read(0, param);
			if (!warnings.isEmpty()) {
				throw invalid("is a damaged " + format.toUpperCase() + " image (" + warnings + ")");
			}
			return new UploadedImage(contentType, width, height);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidRequestException invalid) {
				throw invalid;
			}
			throw invalid("is a damaged or unreadable " + format.toUpperCase() + " image");
		}
		finally {
			reader.dispose();
		}
	}

	/** The canvas size from the first chunk: VP8 (lossy), VP8L (lossless) or VP8X. */
	private static UploadedImage webp(byte[] bytes) {
		long riffSize = le(bytes, 4, 4);
		if (bytes.length < 30 || riffSize + 8 > bytes.length || riffSize < 22) {
			throw invalid("is a damaged WebP image (truncated)");
		}
		int width;
		int height;
		if (ascii(bytes, 12, "VP8 ")) {
			if ((bytes[23] & 0xFF) != 0x9D || (bytes[24] & 0xFF) != 0x01 || (bytes[25] & 0xFF) != 0x2A) {
				throw invalid("is a damaged WebP image (bad VP8 frame)");
			}
			width = (int) le(bytes, 26, 2) & 0x3FFF;
			height = (int) le(bytes, 28, 2) & 0x3FFF;
		}
		else if (ascii(bytes, 12, "VP8L")) {
			if ((bytes[20] & 0xFF) != 0x2F) {
				throw invalid("is a damaged WebP image (bad VP8L signature)");
			}
			long bits = le(bytes, 21, 4);
			width = (int) (bits & 0x3FFF) + 1;
			height = (int) ((bits >> 14) & 0x3FFF) + 1;
		}
		else if (ascii(bytes, 12, "VP8X")) {
			width = (int) le(bytes, 24, 3) + 1;
			height = (int) le(bytes, 27, 3) + 1;
		}
		else {
			throw invalid("is a damaged WebP image (unknown chunk)");
		}
		if (width <= 0 || height <= 0) {
			throw invalid("is a damaged WebP image (no size)");
		}
		return new UploadedImage("image/webp", width, height);
	}

	private static long le(byte[] bytes, int offset, int length) {
		long value = 0;
		for (int i = length - 1; i >= 0; i--) {
			value = (value << 8) | (bytes[offset + i] & 0xFF);
		}
		return value;
	}

	private static boolean ascii(byte[] bytes, int offset, String text) {
		if (bytes.length < offset + text.length()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (bytes[offset + i] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static InvalidRequestException invalid(String message) {
		return new InvalidRequestException("file", message);
	}

}
