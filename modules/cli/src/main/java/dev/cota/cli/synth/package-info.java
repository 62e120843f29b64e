/** {@code cota synth}: trace synthesis from the command line. */
package dev.cota.cli.synth;
