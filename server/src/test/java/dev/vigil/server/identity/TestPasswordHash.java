package dev.vigil.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPasswordHash {
    @Test
    void testHashIsArgon2idInPhcFormWithTheStoredCost() {
        String hash = PasswordHash.hash("correct horse battery staple");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hash.split("\\$")).hasSize(6);
    }

    @Test
    void testOnlyTheSamePasswordVerifies() {
        String hash = PasswordHash.hash("correct horse battery staple");

        assertThat(PasswordHash.verify("correct horse battery staple", hash)).isTrue();
        assertThat(PasswordHash.verify("correct horse battery stapl", hash)).isFalse();
        assertThat(PasswordHash.verify("Correct horse battery staple", hash)).isFalse();
    }

    @Test
    void testEachHashHasItsOwnSalt() {
        assertThat(PasswordHash.hash("same password here")).isNotEqualTo(PasswordHash.hash("same password here"));
    }

    @Test
    void testMalformedStoredHashesNeverVerify() {
        assertThat(PasswordHash.verify("x", null)).isFalse();
        assertThat(PasswordHash.verify("x", "$argon2id$v=19$garbage")).isFalse();
        assertThat(PasswordHash.verify("x", "$2b$10$bcryptlookingthing")).isFalse();
    }
}
