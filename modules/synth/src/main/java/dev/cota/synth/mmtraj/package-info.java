/**
 * T3-Agent's MM-Traj data pipeline (Gao et al., 2024, "Multi-modal Agent Tuning", mat-agent/MAT-Agent
 * {@code data_generation/gaia_pipeline}): query generation, file selection or generation, a
 * zero-shot ReAct code agent, the query-file and trajectory verifiers, and the kept trajectories as
 * cota traces and in MM-Traj training format.
 */
package dev.cota.synth.mmtraj;
