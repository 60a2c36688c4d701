/**
 * Built-in playbooks, shipped as templates to install and edit: the Defender for IoT solution's
 * playbooks (alert status sync, auto-close by watchlist, mail by production line, ticket for a new
 * asset, asking the device owner, triage by importance, CVE workflow), each with the automation
 * rule that wires it, installed disabled.
 */
package dev.vigil.soc.playbook.template;
