/** Preference pairs: read from Insight-V rows, TRL conversational rows and cota trace pairs, and encoded with exact completion masks. */
package dev.cota.dpo.data;
