package cn.cztexchange.identity;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.Sql;

@Repository
class UserRepository {

	private static final String COLUMNS = "id, email, password_hash, display_name, locale, roles, enabled, created_at, updated_at, last_login_at";

	private final DatabaseClient database;

	UserRepository(DatabaseClient database) {
		this.database = database;
	}

	/** Inserts the user unless the email is taken; tells which happened. */
	Mono<Boolean> insertIfAbsent(UserAccount user) {
		return this.database
			.sql("insert into users (" + COLUMNS + ") values (:id, :email, :hash, :name, :locale, :roles, :enabled, "
					+ ":created, :created, null) on conflict (email) do nothing")
			.bind("id", user.id())
			.bind("email", user.email())
			.bind("hash", user.passwordHash())
			.bind("name", user.displayName())
			.bind("locale", user.locale())
			.bind("roles", names(user.roles()))
			.bind("enabled", user.enabled())
			.bind("created", user.createdAt())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	Mono<UserAccount> findByEmail(String email) {
		return this.database.sql("select " + COLUMNS + " from users where email = :email")
			.bind("email", email)
			.map(UserRepository::map)
			.one();
	}

	Flux<UserAccount> findAllById(UUID[] ids) {
		return this.database.sql("select " + COLUMNS + " from users where id = any(:ids)")
			.bind("ids", ids)
			.map(UserRepository::map)
			.all();
	}

	Mono<UserAccount> findById(UUID id) {
		return this.database.sql("select " + COLUMNS + " from users where id = :id")
			.bind("id", id)
			.map(UserRepository::map)
			.one();
	}

	Mono<UserAccount> updateProfile(UUID id, String displayName, String locale, Instant now) {
		return this.database
			.sql("update users set display_name = :name, locale = :locale, updated_at = :now where id = :id returning "
					+ COLUMNS)
			.bind("id", id)
			.bind("name", displayName)
			.bind("locale", locale)
			.bind("now", now)
			.map(UserRepository::map)
			.one();
	}

	Mono<Void> updatePassword(UUID id, String hash, Instant now) {
		return this.database.sql("update users set password_hash = :hash, updated_at = :now where id = :id")
			.bind("id", id)
			.bind("hash", hash)
			.bind("now", now)
			.then();
	}

	Mono<UserAccount> updateRoles(UUID id, Set<Role> roles, Instant now) {
		return this.database
			.sql("update users set roles = :roles, updated_at = :now where id = :id returning " + COLUMNS)
			.bind("id", id)
			.bind("roles", names(roles))
			.bind("now", now)
			.map(UserRepository::map)
			.one();
	}

	Mono<UserAccount> updateEnabled(UUID id, boolean enabled, Instant now) {
		return this.database
			.sql("update users set enabled = :enabled, updated_at = :now where id = :id returning " + COLUMNS)
			.bind("id", id)
			.bind("enabled", enabled)
			.bind("now", now)
			.map(UserRepository::map)
			.one();
	}

	Mono<Void> recordLogin(UUID id, Instant now) {
		return this.database.sql("update users set last_login_at = :now where id = :id")
			.bind("id", id)
			.bind("now", now)
			.then();
	}

	Flux<UserAccount> search(String query, int page, int size) {
		return Sql.bind(this.database.sql("select " + COLUMNS + " from users where (cast(:q as text) is null "
				+ "or email ilike :q or display_name ilike :q) order by created_at desc limit :limit offset :offset"),
				"q", pattern(query), String.class)
			.bind("limit", size)
			.bind("offset", (long) page * size)
			.map(UserRepository::map)
			.all();
	}

	Mono<Long> count(String query) {
		return Sql
			.bind(this.database.sql("select count(*) from users where (cast(:q as text) is null "
					+ "or email ilike :q or display_name ilike :q)"), "q", pattern(query), String.class)
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	private static String pattern(String query) {
		return (query == null || query.isBlank()) ? null : Sql.containsPattern(query);
	}

	private static String[] names(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().toArray(String[]::new);
	}

	static UserAccount map(Readable row) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(row.get("roles", String[].class)).map(Role::valueOf).forEach(roles::add);
		return new UserAccount(row.get("id", UUID.class), row.get("email", String.class),
				row.get("password_hash", String.class), row.get("display_name", String.class),
				row.get("locale", String.class), roles, row.get("enabled", Boolean.class),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
				row.get("last_login_at", Instant.class));
	}

}
