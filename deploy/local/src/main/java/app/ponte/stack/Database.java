package app.ponte.stack;

/** How the platform reaches its PostgreSQL database. The password is never printed. */
public record Database(String jdbcUrl, String username, String password) {

    @Override
    public String toString() {
        return "Database[" + jdbcUrl + ", user=" + username + "]";
    }
}
