package dev.vigil.server.externaldata;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.ExternalDataException;
import dev.vigil.soc.playbook.HttpStepAllowList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The address rule and the defaults, without a server. */
class TestAllowedExternalData {
    @Test
    void testAnAllowedUrlOnLoopbackIsRefusedUnlessTheInternalAddressListHasIt() {
        AllowedExternalData reader = new AllowedExternalData(ExternalDataAllowList.parse(List.of("http://127.0.0.1:9/lists/")),
                HttpStepAllowList.none(), 1024);

        assertThatThrownBy(() -> reader.read("http://127.0.0.1:9/lists/a.csv"))
                .isInstanceOf(ExternalDataException.class)
                .hasMessageContaining("127.0.0.1 is a loopback address")
                .hasMessageContaining(HttpStepAllowList.OPTION + " 127.0.0.1:9");
    }

    @Test
    void testByDefaultNothingIsAllowed() {
        AllowedExternalData reader = new AllowedExternalData(ExternalDataAllowList.none(), HttpStepAllowList.none(), 1024);

        assertThatThrownBy(() -> reader.read("https://lists.example/a.csv")).hasMessageContaining("is not allowed");
        assertThatThrownBy(() -> reader.read("/etc/passwd")).hasMessageContaining("is not allowed");
    }

    @Test
    void testAnEntryThatIsNeitherUrlNorAbsolutePathIsRefusedAtStartup() {
        assertThatThrownBy(() -> ExternalDataAllowList.parse(List.of("lists/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--externaldata-allow 'lists/' is neither an http(s) URL prefix nor an absolute path");
    }
}
