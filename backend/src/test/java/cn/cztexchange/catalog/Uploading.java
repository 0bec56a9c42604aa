package cn.cztexchange.catalog;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;

/** Multipart bodies as a browser's file input sends them. */
final class Uploading {

	private Uploading() {
	}

	static MultipartBodyBuilder file(byte[] bytes, String fileName) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new NamedBytes(bytes, fileName));
		return body;
	}

	/** Bytes with a file name, so that the part is sent as a file. */
	static final class NamedBytes extends ByteArrayResource {

		private final String fileName;

		NamedBytes(byte[] bytes, String fileName) {
			super(bytes);
			this.fileName = fileName;
		}

		@Override
		public String getFilename() {
			return this.fileName;
		}

		@Override
		public boolean equals(Object other) {
			return super.equals(other);
		}

		@Override
		public int hashCode() {
			return super.hashCode();
		}

	}

}
