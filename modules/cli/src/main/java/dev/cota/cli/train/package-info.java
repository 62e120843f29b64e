/** {@code cota train}: the training commands. */
package dev.cota.cli.train;
