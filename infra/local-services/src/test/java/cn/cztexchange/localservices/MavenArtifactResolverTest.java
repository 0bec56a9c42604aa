package cn.cztexchange.localservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolution order and download verification, against a tiny repository served by the
 * JDK.
 */
class MavenArtifactResolverTest {

	private static final MavenArtifact ARTIFACT = new MavenArtifact("org.example", "server", "1.0", "zip");

	private static final byte[] CONTENT = "pretend this is a server".getBytes(StandardCharsets.UTF_8);

	private final Map<String, byte[]> served = new ConcurrentHashMap<>();

	private HttpServer repository;

	@TempDir
	Path temp;

	@BeforeEach
	void serveRepository() throws IOException {
		repository = HttpServer.create(new InetSocketAddress(LoopbackPorts.ADDRESS, 0), 0);
		repository.createContext("/", exchange -> {
			byte[] body = served.get(exchange.getRequestURI().getPath());
			exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
			if (body != null) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
			exchange.close();
		});
		repository.start();
	}

	@AfterEach
	void stopRepository() {
		repository.stop(0);
	}

	@Test
	void prefersTheLocalMavenRepository() throws IOException {
		Path local = temp.resolve("m2").resolve(ARTIFACT.repositoryPath());
		Files.createDirectories(local.getParent());
		Files.write(local, CONTENT);

		assertThat(resolver().resolve(ARTIFACT)).isEqualTo(local);
	}

	@Test
	void downloadsOnceAndVerifiesTheChecksum() throws IOException {
		serve(CONTENT, MavenArtifactResolver.sha1(writeTemp(CONTENT)) + "  server-1.0.zip\n");

		Path downloaded = resolver().resolve(ARTIFACT);

		assertThat(downloaded).isEqualTo(temp.resolve("downloads").resolve("server-1.0.zip"));
		assertThat(downloaded).hasBinaryContent(CONTENT);
		assertThat(temp.resolve("downloads")).isDirectoryNotContaining("glob:**.part");
		served.clear();
		assertThat(resolver().resolve(ARTIFACT)).isEqualTo(downloaded);
	}

	@Test
	void rejectsADownloadWhoseChecksumDiffers() {
		serve(CONTENT, "0000000000000000000000000000000000000000");

		assertThatThrownBy(() -> resolver().resolve(ARTIFACT)).isInstanceOf(LocalServicesException.class)
			.hasMessageContaining("does not match the published 0000000000000000000000000000000000000000")
			.hasMessageContaining("dependency:get -Dartifact=org.example:server:1.0:zip");
		assertThat(temp.resolve("downloads").resolve("server-1.0.zip")).doesNotExist();
	}

	@Test
	void explainsAnArtifactThatCannotBeFound() {
		assertThatThrownBy(() -> resolver().resolve(ARTIFACT)).isInstanceOf(LocalServicesException.class)
			.hasMessageContaining("org.example:server:1.0:zip is not in the local Maven repository")
			.hasMessageContaining("czt.local-services.maven-repository");
	}

	private MavenArtifactResolver resolver() {
		URI root = URI.create("http://" + LoopbackPorts.HOST + ":" + repository.getAddress().getPort() + "/maven2/");
		return new MavenArtifactResolver(temp.resolve("m2"), root, temp.resolve("downloads"));
	}

	private void serve(byte[] artifact, String sha1) {
		served.put("/maven2/" + ARTIFACT.repositoryPath(), artifact);
		served.put("/maven2/" + ARTIFACT.repositoryPath() + ".sha1", sha1.getBytes(StandardCharsets.US_ASCII));
	}

	private Path writeTemp(byte[] content) throws IOException {
		return Files.write(temp.resolve("content"), content);
	}

}
