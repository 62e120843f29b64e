/**
 * {@code cota quickstart}: TACO's finding in miniature, end to end, through the same modules the
 * individual commands run (synth, tokenizer, train sft, bench run, bench report), each stage in a
 * content-addressed directory so a second run reuses finished stages.
 */
package dev.cota.cli.quickstart;
