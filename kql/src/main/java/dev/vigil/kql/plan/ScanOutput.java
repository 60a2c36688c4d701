package dev.vigil.kql.plan;

/** Which records matching a scan step are output: every one, only the last of each run of repeats, or none. */
public enum ScanOutput {
    ALL, LAST, NONE
}
