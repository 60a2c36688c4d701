/**
 * Playbooks: declarative workflows of a workspace (triggers, variables, steps with conditions,
 * loops, timeouts and retries) that act on incidents, alerts, entities and devices. Every value
 * that is worked out at run time is a KQL scalar expression ({@link dev.vigil.soc.playbook.expression}),
 * checked when the playbook is saved. Runs are recorded step by step and resume after a restart
 * ({@link dev.vigil.soc.playbook.run}).
 */
package dev.vigil.soc.playbook;
