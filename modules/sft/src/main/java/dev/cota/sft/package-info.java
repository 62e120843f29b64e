/**
 * Supervised fine-tuning on traces ({@code cota train sft}): loss on the model's own turns only,
 * token-mean over the global batch so gradient accumulation is exact, AdamW with global-norm
 * clipping and warmup schedules, LoRA, and checkpoints that resume a run exactly.
 */
package dev.cota.sft;
