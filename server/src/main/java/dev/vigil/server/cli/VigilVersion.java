package dev.vigil.server.cli;

import picocli.CommandLine;

/** The version in the jar's manifest, or "development" when run from classes. */
final class VigilVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VigilVersion.class.getPackage().getImplementationVersion();
        return new String[] {"vigil " + (version == null ? "development" : version)};
    }
}
