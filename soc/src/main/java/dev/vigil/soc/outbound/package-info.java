/**
 * The server's outgoing HTTP to destinations that playbooks and queries name: every address a host
 * resolves to must be public or on the server's list of internal services
 * ({@link dev.vigil.soc.outbound.HttpStepAllowList}, the option {@code --playbook-http-allow}), and
 * the connection goes to exactly the addresses checked
 * ({@link dev.vigil.soc.outbound.HttpDestinations#pinned}). Shared by playbook {@code http} steps and
 * the server's {@code externaldata} reader.
 */
package dev.vigil.soc.outbound;
