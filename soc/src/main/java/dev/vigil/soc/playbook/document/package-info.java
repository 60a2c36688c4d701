/** Playbook documents (YAML or JSON) read into checked definitions, every refusal naming the path, and the character for expressions. */
package dev.vigil.soc.playbook.document;
