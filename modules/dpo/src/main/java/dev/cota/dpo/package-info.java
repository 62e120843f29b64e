/**
 * Preference tuning ({@code cota train dpo}): DPO-family losses with TRL's definitions, preference
 * pairs from Insight-V rows, TRL conversational rows and cota trace pairs, reference log-probs
 * computed once and cached on disk, and resumable runs in the SFT run-directory layout.
 */
package dev.cota.dpo;
