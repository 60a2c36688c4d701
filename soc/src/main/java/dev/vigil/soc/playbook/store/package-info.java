/** Playbooks kept in the state store, every version of each, with their secrets encrypted. */
package dev.vigil.soc.playbook.store;
