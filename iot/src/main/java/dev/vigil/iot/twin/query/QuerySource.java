package dev.vigil.iot.twin.query;

/** What a query reads: the device twins ({@code FROM devices}) or the module twins ({@code FROM devices.modules}). */
enum QuerySource {
    DEVICES, MODULES
}
