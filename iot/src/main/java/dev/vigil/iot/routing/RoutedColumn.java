package dev.vigil.iot.routing;

/** A column of a routed table: its name and its KQL type's name ({@code string}, {@code datetime}, {@code dynamic}). */
public record RoutedColumn(String name, String kqlType) {
}
