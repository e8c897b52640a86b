package app.ponte.kommo.simulator;

/** What an API handler answers. */
record Reply(int status, String contentType, String body) {
    static Reply hal(Object body) {
        return new Reply(200, Http.HAL, Json.write(body));
    }

    static Reply noContent() {
        return new Reply(204, null, null);
    }
}
