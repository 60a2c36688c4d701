/**
 * Sigma detection rules (the public Sigma specification) turned into KQL over a workspace's
 * tables: the rule's log source picks a table and a field mapping, its detection becomes a
 * {@code where} clause. What has no KQL equivalent here is refused with the reason.
 */
package dev.vigil.soc.content.sigma;
