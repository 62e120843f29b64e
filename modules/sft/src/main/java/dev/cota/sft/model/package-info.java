/** The models the trainer fits, behind one interface, and how a config's model is built. */
package dev.cota.sft.model;
