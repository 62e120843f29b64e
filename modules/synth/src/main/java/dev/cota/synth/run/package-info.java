/**
 * The generation framework every generator runs in: tasks in a bounded thread pool, outputs written
 * in task order and appended with a flush per task, resumable without duplicates, a progress bar,
 * and a manifest of counts built from the per-task journal.
 */
package dev.cota.synth.run;
