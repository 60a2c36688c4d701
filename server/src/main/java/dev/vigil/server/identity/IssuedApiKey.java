package dev.vigil.server.identity;

/** A key just issued: {@code text} is what the caller presents and exists nowhere else. */
public record IssuedApiKey(ApiKey key, String text) {
    @Override
    public String toString() {
        return "IssuedApiKey[" + key.id() + "]";
    }
}
