/**
 * The server's outgoing HTTP to destinations that queries and playbooks name: every address a host
 * resolves to must be public or on the server's list of internal services
 * ({@link dev.vigil.soc.playbook.HttpStepAllowList}), and the connection goes to exactly the
 * addresses checked ({@link dev.vigil.soc.outbound.HttpDestinations#pinned}). Shared by playbook
 * {@code http} steps and the server's {@code externaldata} reader.
 */
package dev.vigil.soc.outbound;
