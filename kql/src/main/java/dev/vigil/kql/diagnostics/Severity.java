package dev.vigil.kql.diagnostics;

public enum Severity {
    ERROR,
    WARNING
}
