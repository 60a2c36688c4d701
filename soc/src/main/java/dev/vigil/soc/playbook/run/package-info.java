/**
 * Playbook runs: queued durably, executed step by step, every step's input, output, error, timing
 * and attempts recorded in the state store and as rows of {@code LogicAppWorkflowRuntime}; a run
 * cut short by a crash resumes after the restart by replaying its recorded step results, so no
 * completed step runs again.
 */
package dev.vigil.soc.playbook.run;
