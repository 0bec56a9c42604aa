package cn.cztexchange.catalog;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class CatalogImageRepository {

	private static final String DESCRIPTION = "id, entry_id, content_type, size_bytes, width, height, sha256, "
			+ "created_at, created_by";

	private final DatabaseClient database;

	CatalogImageRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<Void> insert(CatalogImage image) {
		return this.database
			.sql("insert into catalog_image (id, entry_id, content_type, size_bytes, width, height, sha256, bytes, "
					+ "created_at, created_by) values (:id, :entry, :type, :size, :width, :height, :sha256, :bytes, "
					+ ":createdAt, :createdBy)")
			.bind("id", image.id())
			.bind("entry", image.entryId())
			.bind("type", image.contentType())
			.bind("size", image.sizeBytes())
			.bind("width", image.width())
			.bind("height", image.height())
			.bind("sha256", image.sha256())
			.bind("bytes", ByteBuffer.wrap(image.bytes()))
			.bind("createdAt", image.createdAt())
			.bind("createdBy", image.createdBy())
			.then();
	}

	/** The entry's images, oldest first, without their bytes. */
	Flux<CatalogImage> findByEntry(UUID entryId) {
		return this.database
			.sql("select " + DESCRIPTION + " from catalog_image where entry_id = :entry order by created_at, id")
			.bind("entry", entryId)
			.map((row) -> map(row, null))
			.all();
	}

	Mono<Set<UUID>> idsOf(UUID entryId) {
		return this.database.sql("select id from catalog_image where entry_id = :entry")
			.bind("entry", entryId)
			.map((row) -> row.get(0, UUID.class))
			.all()
			.collect(Collectors.toSet());
	}

	Mono<Long> countByEntry(UUID entryId) {
		return this.database.sql("select count(*) from catalog_image where entry_id = :entry")
			.bind("entry", entryId)
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	/** The image with its bytes. */
	Mono<CatalogImage> findById(UUID id) {
		return this.database.sql("select " + DESCRIPTION + ", bytes from catalog_image where id = :id")
			.bind("id", id)
			.map((row) -> {
				ByteBuffer buffer = row.get("bytes", ByteBuffer.class);
				byte[] bytes = new byte[buffer.remaining()];
				buffer.get(bytes);
				return map(row, bytes);
			})
			.one();
	}

	/** Tells whether the entry had this image. */
	Mono<Boolean> delete(UUID entryId, UUID id) {
		return this.database.sql("delete from catalog_image where id = :id and entry_id = :entry")
			.bind("id", id)
			.bind("entry", entryId)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	private static CatalogImage map(Readable row, byte[] bytes) {
		return new CatalogImage(row.get("id", UUID.class), row.get("entry_id", UUID.class),
				row.get("content_type", String.class), row.get("size_bytes", Integer.class),
				row.get("width", Integer.class), row.get("height", Integer.class), row.get("sha256", String.class),
				bytes, row.get("created_at", Instant.class), row.get("created_by", UUID.class));
	}

}
