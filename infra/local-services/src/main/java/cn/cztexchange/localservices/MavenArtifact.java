package cn.cztexchange.localservices;

/**
 * Coordinates of a Maven artifact, enough to find it in a repository with the standard
 * layout.
 *
 * @param extension file type such as "jar" or "zip"
 */
record MavenArtifact(String groupId, String artifactId, String version, String extension) {

	String fileName() {
		return artifactId + "-" + version + "." + extension;
	}

	/** Path below a repository root, e.g. {@code org/example/app/1.0/app-1.0.jar}. */
	String repositoryPath() {
		return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName();
	}

	/** As {@code dependency:get -Dartifact=...} wants it. */
	String coordinates() {
		return groupId + ":" + artifactId + ":" + version + ":" + extension;
	}
}
