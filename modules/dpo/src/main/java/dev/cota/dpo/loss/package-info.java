/** The DPO-family losses (TRL's {@code DPOTrainer.dpo_loss}) and per-sequence completion log-probs. */
package dev.cota.dpo.loss;
