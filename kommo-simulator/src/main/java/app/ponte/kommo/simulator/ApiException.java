package app.ponte.kommo.simulator;

/** Aborts a handler with a ready-made HTTP answer (status, content type, body). */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String contentType;
    private final String body;

    public ApiException(int status, String contentType, String body) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public String body() {
        return body;
    }

    /** A {@code application/problem+json} error in Kommo's API shape (§4). */
    public static ApiException problem(int status, String title, String detail) {
        var node = Json.object().put("title", title).put("type", "https://httpstatus.es/" + status)
                .put("status", status).put("detail", detail);
        return new ApiException(status, Http.PROBLEM, Json.write(node));
    }

    public static ApiException badRequest(String detail) {
        return problem(400, "Bad Request", detail);
    }

    public static ApiException notFound() {
        return problem(404, "Not Found", "Not found");
    }
}
