/**
 * {@code cota bench run}: a model answers a suite's questions (one chat turn, or an agent runner
 * with its trace recorded), the suite's official scorer scores each answer, and the results are
 * appended item by item so that a killed run resumes where it stopped without duplicating an item.
 * Suites are configured by the YAML files of {@code configs/suites/} ({@link dev.cota.bench.run.SuiteConfig}).
 */
package dev.cota.bench.run;
