/**
 * The {@code cota-traces} suite: held-out cota traces with known answers (a {@code cota synth} run's
 * {@code heldout.jsonl}) as a benchmark, scored with GAIA's {@code question_scorer}.
 */
package dev.cota.bench.cotatraces;
