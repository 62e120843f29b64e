/** AdamW with saved state, global-norm gradient clipping, and Hugging Face's learning-rate schedules. */
package dev.cota.sft.optim;
