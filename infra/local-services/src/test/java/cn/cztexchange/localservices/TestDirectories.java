package cn.cztexchange.localservices;

import java.nio.file.Path;

/** Data directories of the tests, below target/ so that {@code clean} removes them. */
final class TestDirectories {

	private TestDirectories() {
	}

	static Path named(String name) {
		return Path.of("target", "local-services", name).toAbsolutePath();
	}

}
