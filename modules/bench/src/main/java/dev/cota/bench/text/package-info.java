/**
 * Utilities shared by several suites' official scorers, with the semantics of the Python the
 * official scripts run: {@code float()} ({@link dev.cota.data.python.PyFloat}), {@code int()} and
 * {@code repr(float)} ({@link dev.cota.bench.text.PyNumbers}), {@code round()}
 * ({@link dev.cota.bench.text.PyRound}), {@code str.isspace}, {@code strip}, {@code split},
 * {@code string.punctuation} ({@link dev.cota.data.python.PyText}), CPython's {@code random.seed} /
 * {@code random.choice} ({@link dev.cota.bench.text.PyRandom}), the code-point Levenshtein distance
 * ({@link dev.cota.bench.text.Levenshtein}), and streaming of the official releases' large JSON files
 * ({@link dev.cota.bench.text.ReleaseJson}).
 */
package dev.cota.bench.text;
