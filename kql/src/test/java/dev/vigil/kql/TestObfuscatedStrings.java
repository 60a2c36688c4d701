package dev.vigil.kql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What Vigil records of a query's text: each obfuscated literal's content masked, every other character as written. */
class TestObfuscatedStrings {
    @Test
    void testEachSpellingIsMaskedAndTheRestKept() {
        assertThat(ObfuscatedStrings.masked("print a = h'secret', b = H\"two\", c = h@'C:\\x''y', d = 'h'"))
                .isEqualTo("print a = h'*****', b = H\"*****\", c = h@'*****', d = 'h'");
    }

    @Test
    void testOnlyTheObfuscatedPartOfAJoinedUrlIsMasked() {
        assertThat(ObfuscatedStrings.masked("externaldata (x:string) [\"https://lists.example/a.csv?\" h'sig=abc%3D']"))
                .isEqualTo("externaldata (x:string) [\"https://lists.example/a.csv?\" h'*****']");
    }

    @Test
    void testAnHInsideANameAStringOrACommentIsNoPrefix() {
        String query = "Events | where bath'x' == \"h'no'\" // h'comment'\n| extend h = 'y'";
        assertThat(ObfuscatedStrings.masked(query)).isEqualTo(query);
        assertThat(ObfuscatedStrings.any(query)).isFalse();
    }

    @Test
    void testAnUnterminatedLiteralIsMaskedToTheEndOfItsLine() {
        assertThat(ObfuscatedStrings.masked("print h'open secret\n| take 1")).isEqualTo("print h'*****'\n| take 1");
    }

    @Test
    void testValuesAreMaskedInAMessageLongestFirst() {
        String query = "print x = toint(h'abc'), y = h\"abcdef\"";
        assertThat(ObfuscatedStrings.maskedIn("could not convert 'abcdef' nor 'abc'", query))
                .isEqualTo("could not convert '*****' nor '*****'");
        assertThat(ObfuscatedStrings.maskedIn("nothing to hide", "print 'abc'")).isEqualTo("nothing to hide");
    }
}
