package dev.vigil.kql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Storage connection strings as Kusto writes them: what is read, what is sent, and what is ever shown. */
class TestExternalDataLocation {
    @Test
    void testASasStaysInTheUrlButNotInItsShownForm() {
        ExternalDataLocation location = ExternalDataLocation.parse("https://acct.blob.core.windows.net/c/iocs.csv.gz?sv=2022&sig=s3cret");

        assertThat(location.target()).isEqualTo("https://acct.blob.core.windows.net/c/iocs.csv.gz?sv=2022&sig=s3cret");
        assertThat(location.path()).isEqualTo("https://acct.blob.core.windows.net/c/iocs.csv.gz");
        assertThat(location.shown()).isEqualTo("https://acct.blob.core.windows.net/c/iocs.csv.gz?<hidden>");
        assertThat(location).hasToString(location.shown());
        assertThat(location.bearerToken()).isEmpty();
    }

    @Test
    void testATokenIsTakenOutOfTheUrl() {
        ExternalDataLocation location = ExternalDataLocation.parse("https://acct.blob.core.windows.net/c/a.csv;token=eyJ0s3cret");

        assertThat(location.target()).isEqualTo("https://acct.blob.core.windows.net/c/a.csv");
        assertThat(location.bearerToken()).isEqualTo(Optional.of("eyJ0s3cret"));
        assertThat(location.toString()).doesNotContain("s3cret");
    }

    @Test
    void testOtherCredentialsAreRefusedByNameWithoutTheirValue() {
        assertThatThrownBy(() -> ExternalDataLocation.parse("https://acct.blob.core.windows.net/c/a.csv;managed_identity=system"))
                .isInstanceOf(ExternalDataException.class).hasMessageContaining(";managed_identity");
        assertThatThrownBy(() -> ExternalDataLocation.parse("https://acct.blob.core.windows.net/c/a.csv;AwsCredentials=AKIA,s3cret"))
                .hasMessageContaining(";AwsCredentials").hasMessageNotContaining("s3cret").hasMessageNotContaining("AKIA");
        assertThatThrownBy(() -> ExternalDataLocation.parse("https://acct.blob.core.windows.net/c/a.csv;ljkAkl0s3cret=="))
                .hasMessageContaining("storage account key").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> ExternalDataLocation.parse("https://acct.blob.core.windows.net/c/a.csv;token="))
                .hasMessageContaining("an empty ;token");
    }

    @Test
    void testAPathIsReadAsWritten() {
        ExternalDataLocation location = ExternalDataLocation.parse("/srv/lists/odd;name#1.csv");

        assertThat(location.target()).isEqualTo("/srv/lists/odd;name#1.csv");
        assertThat(location.path()).isEqualTo(location.target());
        assertThat(location.isUrl()).isFalse();
    }
}
