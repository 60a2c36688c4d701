package dev.vigil.server.console;

/** A console route's handler: reads the request, calls domain services, renders a view model. */
@FunctionalInterface
public interface ConsolePage {
    void handle(ConsoleRequest request) throws Exception;
}
