package dev.vigil.server.identity;

/** A session just created: {@code id} is the cookie's value and exists nowhere else. */
public record IssuedSession(Session session, String id) {
    @Override
    public String toString() {
        return "IssuedSession[" + session.principal().id() + "]";
    }
}
