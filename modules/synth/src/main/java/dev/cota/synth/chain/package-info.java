/**
 * CoTA chains executed by the real tools: a session that runs each action and records the
 * observation the tool returned, and the replay that re-executes a trace to check it.
 */
package dev.cota.synth.chain;
